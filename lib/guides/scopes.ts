/**
 * The permissions people can choose, grouped by what they want to do, with
 * the granular scope names Zoom shows to new apps and the classic names older
 * apps show. `user:read:user` is always required: the app tests connections
 * with GET /users/me.
 */
export type ScopeChoice = {
  id: string;
  label: string;
  description: string;
  granular: string[];
  classic: string[];
  required?: boolean;
};

export const SCOPE_CHOICES: readonly ScopeChoice[] = [
  {
    id: "profile",
    label: "Read their profile",
    description: "Name, email and account — used to test the connection.",
    granular: ["user:read:user"],
    classic: ["user:read"],
    required: true,
  },
  {
    id: "list_meetings",
    label: "List meetings",
    description: "See the meetings they host.",
    granular: ["meeting:read:list_meetings"],
    classic: ["meeting:read"],
  },
  {
    id: "read_meeting",
    label: "Read meeting details",
    description: "Open one meeting: time, join link, settings.",
    granular: ["meeting:read:meeting"],
    classic: ["meeting:read"],
  },
  {
    id: "write_meeting",
    label: "Create and update meetings",
    description: "Schedule new meetings and change existing ones.",
    granular: ["meeting:write:meeting", "meeting:update:meeting"],
    classic: ["meeting:write"],
  },
  {
    id: "delete_meeting",
    label: "Delete meetings",
    description: "Cancel meetings they host.",
    granular: ["meeting:delete:meeting"],
    classic: ["meeting:write"],
  },
  {
    id: "list_webinars",
    label: "List webinars",
    description: "See the webinars they host.",
    granular: ["webinar:read:list_webinars"],
    classic: ["webinar:read"],
  },
  {
    id: "write_webinar",
    label: "Create and update webinars",
    description: "Schedule and change webinars.",
    granular: ["webinar:write:webinar", "webinar:update:webinar"],
    classic: ["webinar:write"],
  },
  {
    id: "recordings",
    label: "Read cloud recordings",
    description: "List and download their cloud recordings.",
    granular: ["cloud_recording:read:list_user_recordings", "cloud_recording:read:recording"],
    classic: ["recording:read"],
  },
  {
    id: "reports",
    label: "Read meeting reports",
    description: "Who attended, and for how long.",
    granular: ["report:read:list_meeting_participants"],
    classic: ["report:read:admin"],
  },
];

export const REQUIRED_SCOPE_IDS = SCOPE_CHOICES.filter((c) => c.required).map((c) => c.id);

/** The granular scope names for a set of choices, required ones included. */
export function scopesForChoices(choiceIds: readonly string[]): string[] {
  const chosen = new Set([...REQUIRED_SCOPE_IDS, ...choiceIds]);
  return [...new Set(SCOPE_CHOICES.filter((c) => chosen.has(c.id)).flatMap((c) => c.granular))];
}

/** Which choices a stored scope list covers (to re-tick the boxes). */
export function choicesForScopes(scopes: readonly string[]): string[] {
  const have = new Set(scopes);
  return SCOPE_CHOICES.filter((c) => c.granular.every((s) => have.has(s))).map((c) => c.id);
}

/** Scopes that were asked for but not granted; a classic equivalent counts as granted. */
export function missingScopes(requested: readonly string[], granted: readonly string[]): string[] {
  const have = new Set(granted);
  return requested.filter((scope) => {
    if (have.has(scope)) return false;
    const choice = SCOPE_CHOICES.find((c) => c.granular.includes(scope));
    return !choice || !choice.classic.some((classic) => have.has(classic));
  });
}

export const splitScopes = (value: string | null | undefined) =>
  (value ?? "").split(/[\s,]+/).filter(Boolean);
