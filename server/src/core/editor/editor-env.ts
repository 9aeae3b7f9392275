/** What the editor helpers may know besides the text: the policy in force and the workspace's objects. */
import type { WorkspaceIndex } from '../manifest/workspace-index';
import type { Policy } from '../policy/model';

export interface EditorEnv {
  readonly policy: Policy;
  readonly workspace?: WorkspaceIndex;
}
