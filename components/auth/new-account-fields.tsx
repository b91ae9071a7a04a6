import { TextField } from "@/components/ui/text-field";

type Failed = { fieldErrors: Record<string, string>; values: Record<string, string> } | null;

/**
 * Name, email and password of a new account (first-run setup, joining by
 * invite). `email`: a value to start with (an invite's address) and its hint.
 */
export function NewAccountFields({
  failed,
  email,
}: {
  failed: Failed;
  email?: { defaultValue: string; hint: string };
}) {
  return (
    <>
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        required
        defaultValue={failed?.values.name}
        error={failed?.fieldErrors.name}
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={failed?.values.email ?? email?.defaultValue}
        error={failed?.fieldErrors.email}
        hint={email?.hint}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={failed?.fieldErrors.password}
        hint="At least 10 characters."
      />
    </>
  );
}
