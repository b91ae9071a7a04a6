"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { formText } from "@/components/auth/form-text";

type State = { error: string | null; email: string };

/** Only paths of this site are followed after sign-in ("/\\evil.com" is another site to a browser). */
function safeCallback(url: string | null): string {
  if (!url) return "/";
  try {
    const target = new URL(url, window.location.origin);
    return target.origin === window.location.origin
      ? `${target.pathname}${target.search}${target.hash}`
      : "/";
  } catch {
    return "/";
  }
}

export function SignInForm({
  callbackUrl,
  initialError,
}: {
  callbackUrl: string | null;
  initialError: string | null;
}) {
  const router = useRouter();
  const [state, action, pending] = useActionState(
    async (_previous: State, formData: FormData): Promise<State> => {
      const email = formText(formData, "email").trim();
      const password = formText(formData, "password");
      if (!email || !password) return { error: signInErrorMessage("InvalidInput"), email };
      const result = await signIn("credentials", { email, password, redirect: false });
      if (!result || result.error)
        return { error: signInErrorMessage(result?.error ?? "CredentialsSignin"), email };
      router.replace(safeCallback(callbackUrl));
      router.refresh();
      return { error: null, email };
    },
    { error: signInErrorMessage(initialError), email: "" },
  );

  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.error && <Alert tone="error">{state.error}</Alert>}
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.email}
      />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
