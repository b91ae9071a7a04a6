import { z } from "zod";

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter an email address like name@example.com." }));

export const newPasswordSchema = z
  .string({ error: "Choose a password." })
  .min(10, "Use at least 10 characters for your password.")
  .max(200, "Use at most 200 characters for your password.");

export const personNameSchema = z
  .string({ error: "Enter your name." })
  .trim()
  .min(1, "Enter your name.")
  .max(100, "Use at most 100 characters for your name.");

export const workspaceNameSchema = z
  .string({ error: "Enter a name for the workspace." })
  .trim()
  .min(2, "Use at least 2 characters for the workspace name.")
  .max(60, "Use at most 60 characters for the workspace name.");

export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(200, "That password is too long."),
});

export const createWorkspaceSchema = z.object({
  workspaceName: workspaceNameSchema,
  name: personNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
});

export const newAccountSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
});
