// The little of the DOM that the test's page-side callbacks touch. The project
// compiles without the DOM library (the extension and server never run in a
// browser), so files with such callbacks declare `document` locally with these.

export interface PageElement {
  readonly textContent: string | null;
  readonly style: { readonly top: string };
  getAttribute(name: string): string | null;
}

export interface PageDocument {
  querySelector(selectors: string): PageElement | null;
  querySelectorAll(selectors: string): Iterable<PageElement>;
}
