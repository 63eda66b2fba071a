// Kept under scripts/ beside the Chromium launcher, so that a script may drive Firefox too: nothing there may import
// from test/.
export * from '../../scripts/lib/firefox.ts';
