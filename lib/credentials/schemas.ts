import { z } from "zod";

export const CREDENTIAL_METHODS = ["oauth", "s2s", "access_token"] as const;
export const credentialMethodSchema = z.enum(CREDENTIAL_METHODS, { error: "Choose how to connect." });
export type CredentialMethod = z.infer<typeof credentialMethodSchema>;

export const credentialNameSchema = z
  .string({ error: "Give the credential a name." })
  .trim()
  .min(2, "Use at least 2 characters for the name, for example “Marketing Zoom”.")
  .max(80, "Use at most 80 characters for the name.");

/** A form that names one credential and nothing else (test, refresh). */
export const credentialFormSchema = z.object({ credentialId: z.string().min(1) });

// "here_only" deletes the stored tokens without asking Zoom to revoke (which uninstalls the app for the user).
export const removeCredentialSchema = credentialFormSchema.extend({
  mode: z.enum(["revoke", "here_only"]).default("revoke"),
});

export const newCredentialSchema = z.object({ name: credentialNameSchema, method: credentialMethodSchema });

// Zoom's IDs and secrets are letters, digits, "_" and "-"; spaces usually mean
// a copy went wrong (a label or a line break came along).
export const clientIdSchema = z
  .string({ error: "Paste the Client ID." })
  .trim()
  .min(1, "Paste the Client ID from your app’s App Credentials.")
  .max(100, "That is longer than any Zoom Client ID. Copy only the Client ID.")
  .regex(
    /^[A-Za-z0-9_-]+$/,
    "A Client ID has only letters and digits. Copy it again with Zoom’s copy button.",
  )
  .refine(
    (value) => value.length >= 10,
    "That is shorter than a Zoom Client ID. Copy it again with Zoom’s copy button.",
  );

export const clientSecretSchema = z
  .string({ error: "Paste the Client Secret." })
  .trim()
  .min(1, "Paste the Client Secret from your app’s App Credentials.")
  .max(200, "That is longer than any Zoom Client Secret. Copy only the Client Secret.")
  .regex(
    /^[A-Za-z0-9_-]+$/,
    "A Client Secret has only letters and digits. Copy it again with Zoom’s copy button.",
  )
  .refine(
    (value) => value.length >= 16,
    "That is shorter than a Zoom Client Secret. Copy it again with Zoom’s copy button.",
  );

/** Which of a General app's two key pairs was pasted (App Credentials shows both). */
export const ZOOM_APP_PAIRS = ["development", "production"] as const;
export const zoomAppPairSchema = z.enum(ZOOM_APP_PAIRS, {
  error: "Say which pair you pasted: Development or Production.",
});

/** The OAuth credentials step: the secret may be left empty when one is saved already (keep it). */
export const clientCredentialsSchema = z
  .object({
    credentialId: z.string().min(1),
    // Missing (an older form): Development, the pair of an app used in its own account.
    pair: zoomAppPairSchema.default("development"),
    clientId: clientIdSchema,
    clientSecret: z.string().trim().optional(),
  })
  .transform((value, ctx) => {
    if (value.clientSecret) {
      const secret = clientSecretSchema.safeParse(value.clientSecret);
      if (!secret.success) {
        ctx.addIssue({
          code: "custom",
          path: ["clientSecret"],
          message: secret.error.issues[0]?.message ?? "Check the Client Secret.",
        });
        return z.NEVER;
      }
      if (secret.data === value.clientId) {
        ctx.addIssue({
          code: "custom",
          path: ["clientSecret"],
          message:
            "The Client Secret is the same as the Client ID. Copy the Client Secret, the second value.",
        });
        return z.NEVER;
      }
      return { ...value, clientSecret: secret.data };
    }
    return { ...value, clientSecret: undefined };
  });

export const accountIdSchema = z
  .string({ error: "Paste the Account ID." })
  .trim()
  .min(1, "Paste the Account ID from your app’s App Credentials.")
  .max(100, "That is longer than any Zoom Account ID. Copy only the Account ID.")
  .regex(
    /^[A-Za-z0-9_-]+$/,
    "An Account ID has only letters and digits. Copy it again with Zoom’s copy button.",
  );

/** The Server-to-Server credentials step; the secret may stay empty when one is saved. */
export const s2sCredentialsSchema = z
  .object({
    credentialId: z.string().min(1),
    accountId: accountIdSchema,
    clientId: clientIdSchema,
    clientSecret: z.string().trim().optional(),
  })
  .transform((value, ctx) => {
    if (!value.clientSecret) return { ...value, clientSecret: undefined };
    const secret = clientSecretSchema.safeParse(value.clientSecret);
    if (!secret.success) {
      ctx.addIssue({
        code: "custom",
        path: ["clientSecret"],
        message: secret.error.issues[0]?.message ?? "Check the Client Secret.",
      });
      return z.NEVER;
    }
    return { ...value, clientSecret: secret.data };
  });

export const accessTokenFormSchema = z.object({
  credentialId: z.string().min(1),
  // The decoder says what is wrong with a token in plain words; here only the size.
  accessToken: z
    .string({ error: "Paste the access token." })
    .trim()
    .min(1, "Paste the access token.")
    .max(16_384, "That is far longer than a Zoom token. Copy only the token."),
});

export const renameSchema = z.object({ credentialId: z.string().min(1), name: credentialNameSchema });
export const replaceSecretSchema = z.object({
  credentialId: z.string().min(1),
  clientSecret: clientSecretSchema,
});

export const scopesFormSchema = z.object({
  credentialId: z.string().min(1),
  // One checkbox arrives as a string, several as an array, none as nothing.
  scope: z.preprocess(
    (value: unknown): unknown[] =>
      value === undefined ? [] : Array.isArray(value) ? (value as unknown[]) : [value],
    z.array(z.string().max(60)).max(40),
  ),
});

/**
 * "Which Zoom email is this connection for?" on the connect step: optional.
 * Empty clears it (null); a missing field leaves it as it is (undefined).
 */
export const expectedZoomEmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "That is longer than an email address. Type only the Zoom email.")
  .refine(
    (value) => value === "" || z.email().safeParse(value).success,
    "Type the whole Zoom email, like dana@example.com, or leave it empty.",
  )
  .transform((value) => value || null)
  .optional();
