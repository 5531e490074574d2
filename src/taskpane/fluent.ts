/**
 * Fluent UI web components, loaded on demand: only the spinner, only when something first takes
 * long enough to show progress, and only where the web view has custom elements and shadow DOM
 * (Office's older EdgeHTML view has neither and keeps the CSS spinner of taskpane.css). The
 * components read the Fluent tokens that taskpane.css sets on :root, so light, dark and the
 * Office colours reach inside them.
 */

let loading: Promise<boolean> | null = null;

export function canUseWebComponents(w: { customElements?: unknown; Element?: { prototype: object } } = globalThis as never): boolean {
  return !!w.customElements && !!w.Element && 'attachShadow' in w.Element.prototype;
}

/** Defines `<fluent-spinner>`; resolves false (and the CSS spinner stays) when it cannot. */
export function loadFluentSpinner(): Promise<boolean> {
  if (!loading) {
    loading = canUseWebComponents()
      ? import(/* webpackChunkName: "fluent" */ '@fluentui/web-components/spinner.js').then(
          () => true,
          (err: unknown) => {
            console.error(err);
            return false;
          },
        )
      : Promise.resolve(false);
  }
  return loading;
}
