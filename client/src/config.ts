/** Client-side state keys (the server pulls the `tollgate.*` settings itself). */

/** The project last used for evidence, remembered per workspace so the next capture can offer it. */
export const LAST_PROJECT_KEY = 'tollgate.lastProject';
