// How "fit view" frames a flow (canvas button, auto-layout, first open): at most 100 %, a thin margin so cards stay large.
export const FIT_VIEW_OPTIONS = { maxZoom: 1, padding: 0.05 };
