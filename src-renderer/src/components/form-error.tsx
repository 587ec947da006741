// The one way a form or dialog shows what went wrong: announced once (role=alert), nothing rendered when all is well.
export function FormError({ error }: { readonly error: string | null }) {
  return error !== null ? (
    <p className="field-error" role="alert">
      {error}
    </p>
  ) : null;
}
