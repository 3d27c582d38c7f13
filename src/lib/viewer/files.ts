/** Where the diagram viewer's code lives and where the built site serves it. */
export const VIEWER_ENTRY = 'src/scripts/diagram-viewer.ts';
/** Site path of the bundled viewer, without the base. */
export const VIEWER_PATH = '/diagram-viewer.js';
