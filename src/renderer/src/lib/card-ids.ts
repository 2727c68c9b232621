/**
 * The id of an account card's title (its address). Regions inside the card are named by their own
 * title and this one ("Send-as addresses alice@example.com"), so that with several accounts listed no
 * two landmarks share a name (axe: landmark-unique) and a screen reader's landmark list says whose.
 */
export function cardTitleId(accountId: string): string {
  return `account-${accountId}-title`
}

/** aria-labelledby for a region of an account card: its own title, then the card's. */
export function cardRegionLabel(titleId: string, accountId: string): string {
  return `${titleId} ${cardTitleId(accountId)}`
}
