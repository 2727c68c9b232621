import { Component, type ErrorInfo, type ReactNode } from 'react'

interface Props {
  /** Which part failed, in the user's words ("this step", "the account list"). */
  what: string
  children: ReactNode
}

interface State {
  error: Error | null
}

/** Keeps a bug in one step from blanking the window; what was typed lives above it and survives. */
export class StepBoundary extends Component<Props, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`Mailkey: ${this.props.what} failed to show`, error, info.componentStack)
  }

  override render(): ReactNode {
    const { error } = this.state
    if (!error) return this.props.children
    return (
      <div className="panel panel--error" role="alert">
        <h2>Something went wrong showing {this.props.what}</h2>
        <p>Nothing you entered is lost. Try again; if it keeps happening, restart Mailkey.</p>
        <pre className="server-text">{error.message}</pre>
        <div className="actions">
          <button type="button" className="button button--primary" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </div>
      </div>
    )
  }
}
