import TextField from '@mui/material/TextField';
import { errorCode, problemOf } from '@/lib/problem';

/** The part of a form's `useFormErrors` that a saved search's name uses. */
interface NameErrors {
  fieldErrors: { name?: string };
  setFieldErrors: (errors: { name: string }) => void;
  clearField: (field: 'name') => void;
  fromError: (error: unknown) => unknown;
}

/** Shows why saving a search failed: under the name field where it is about the name. */
export function showSaveError(errors: NameErrors, error: unknown) {
  // The name clash is a 409 without field errors: it belongs under the name all the same.
  if (errorCode(error) === 'name_taken') {
    errors.setFieldErrors({ name: problemOf(error)?.detail ?? 'You already have a saved search with this name.' });
  } else {
    errors.fromError(error);
  }
}

interface SearchNameFieldProps {
  value: string;
  onChange: (value: string) => void;
  errors: NameErrors;
  /** Shown while the name has no error. */
  helperText?: string;
}

/** The name of a saved search (at most 100 characters); editing it clears its error. */
export function SearchNameField({ value, onChange, errors, helperText }: SearchNameFieldProps) {
  return (
    <TextField
      label="Name"
      name="name"
      value={value}
      onChange={(event) => {
        onChange(event.target.value);
        errors.clearField('name');
      }}
      error={Boolean(errors.fieldErrors.name)}
      helperText={errors.fieldErrors.name ?? helperText}
      slotProps={{ htmlInput: { maxLength: 100 } }}
      autoFocus
    />
  );
}
