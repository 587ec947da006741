// A key rotation's steps in order, and the point from which Cancel is no longer honoured; the engine and the window
// both read it, so the wizard stops offering Cancel exactly where the engine stops listening for it.

export const ROTATION_STEPS = ['identify', 'list', 'make-room', 'create', 'save', 'verify', 'deactivate-old', 'delete-old'] as const;

export type RotationStepName = (typeof ROTATION_STEPS)[number];

/**
 * The first step that changes IAM (a spare key deleted to make room, then the new key created). Before it, a cancel
 * leaves everything as it was; from its first event on (started or skipped) the rotation runs to its end, because a
 * cancel there could leave a key IAM created that no file holds.
 */
export const POINT_OF_NO_RETURN: RotationStepName = 'make-room';

/** True for the steps at or after the point of no return (unknown names count as past it: never offer a late cancel). */
export function isPastPointOfNoReturn(step: string): boolean {
  const i = (ROTATION_STEPS as readonly string[]).indexOf(step);
  return i < 0 || i >= ROTATION_STEPS.indexOf(POINT_OF_NO_RETURN);
}
