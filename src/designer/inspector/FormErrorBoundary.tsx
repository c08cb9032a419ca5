// Keeps the designer usable when a node's form throws: the panel says so, the canvas and the document are untouched.
import { Component, type ReactNode } from "react";

interface Props {
  readonly message: (detail: string) => string;
  readonly children: ReactNode;
}

export class FormErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (this.state.error)
      return (
        <p className="lw-form-error" role="alert">
          {this.props.message(this.state.error.message)}
        </p>
      );
    return this.props.children;
  }
}
