// next-auth hands our sign-in route's error code to the login page (query `error`, or signIn()'s
// result): only these words reach the user.
export function loginErrorMessage(code: string | null | undefined): string | undefined {
  if (!code) return undefined;
  if (code === "RateLimited") return "Too many failed sign-ins from here. Wait 15 minutes, then try again.";
  // One message for unknown user and wrong password: never reveal which emails exist.
  return "Email or password is incorrect.";
}
