"use client";

import { startTransition, useActionState, useCallback, useEffect, useRef, useState, type FormEvent } from "react";

// Forms that keep what the user typed after a server refusal.
//
// React resets a <form action={fn}> after its action: every field the server
// refused comes back empty. useKeptForm sends the form from onSubmit instead
// (the action's dispatch inside a transition), so React leaves the fields alone
// and nothing the user typed (passwords included) needs to travel back from the
// server. Before hydration the form still has `action`, so a submit works as a
// plain POST of the server action. After a success (`isDone(state)`) the form
// is reset for the next entry.
//
// Stale errors clear: while a submit is pending no error shows, and editing a
// field hides that field's error (and the form-level one) until the next answer.

export interface KeptFormState {
  error?: string;
  fields?: Record<string, string>;
}

export function useKeptForm<S extends KeptFormState>(
  action: (state: Awaited<S>, form: FormData) => Promise<S>,
  initial: Awaited<S>,
  isDone: (state: Awaited<S>) => boolean = () => false,
) {
  const [state, dispatch, pending] = useActionState<S, FormData>(action, initial);
  const formRef = useRef<HTMLFormElement>(null);
  const [edited, setEdited] = useState<{ of: Awaited<S>; names: ReadonlySet<string> }>({ of: state, names: new Set() });
  const names = edited.of === state ? edited.names : new Set<string>();

  useEffect(() => {
    if (state !== initial && isDone(state)) formRef.current?.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset once per new answer; isDone/initial are stable in intent
  }, [state]);

  const onSubmit = useCallback(
    (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
      startTransition(() => dispatch(data));
    },
    [dispatch],
  );
  const onInput = (e: FormEvent<HTMLFormElement>) => {
    const name = (e.target as HTMLInputElement).name;
    if (name && !names.has(name)) setEdited({ of: state, names: new Set([...names, name, "__form"]) });
  };

  const fieldError = (name: string): string | undefined => (pending || names.has(name) ? undefined : state.fields?.[name]);
  const formError = pending || names.has("__form") ? undefined : state.error;
  return { state, pending, fieldError, formError, formProps: { ref: formRef, action: dispatch, onSubmit, onInput, noValidate: false } };
}
