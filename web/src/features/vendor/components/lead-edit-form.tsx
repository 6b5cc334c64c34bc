import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { LeadUpdate, VendorLead, VendorLeadDetail } from '@/api/types';
import { useFormErrors } from '@/lib/use-form-errors';
import { useUpdateLeadMutation } from '@/features/vendor/api/vendor-api';
import { FIELD_LABEL } from '@/features/vendor/utils/labels';

/** The canonical fields a vendor can correct on a listed lead; the names are the API's (and its field errors'). */
export const EDIT_FIELDS = [
  'first_name',
  'last_name',
  'email',
  'phone',
  'job_title',
  'company_name',
  'website',
  'linkedin_url',
  'company_size',
  'country',
  'region',
  'city',
  'industry',
  // A reviewer may reject a lead for its consent ("Compliance"): the vendor must be able to fix it.
  'consent_source',
  'consent_date',
  'price',
  'description',
] as const;

type EditField = (typeof EDIT_FIELDS)[number];
type EditValues = Record<EditField, string>;

const WIDE: ReadonlySet<EditField> = new Set(['description']);

function valuesOf(lead: VendorLead): EditValues {
  return {
    first_name: lead.contact_first_name ?? '',
    last_name: lead.contact_last_name ?? '',
    email: lead.email ?? '',
    phone: lead.phone ?? '',
    job_title: lead.job_title ?? '',
    company_name: lead.company_name ?? '',
    website: lead.website ?? '',
    linkedin_url: lead.linkedin_url ?? '',
    company_size: lead.company_size ?? '',
    consent_source: lead.consent_source ?? '',
    consent_date: lead.consent_date ?? '',
    country: lead.country ?? '',
    region: lead.region ?? '',
    city: lead.city ?? '',
    industry: lead.industry ?? '',
    description: lead.description ?? '',
    price: String(lead.price),
  };
}

/** Only what changed: an empty body resubmits the lead as it is. A cleared field is sent as null. */
function changesOf(initial: EditValues, values: EditValues): LeadUpdate {
  const changes: LeadUpdate = {};
  for (const field of EDIT_FIELDS) {
    const value = values[field].trim();
    if (value !== initial[field].trim()) changes[field] = value || null;
  }
  return changes;
}

interface LeadEditFormProps {
  lead: VendorLead;
  onCancel: () => void;
  onSaved: (lead: VendorLeadDetail) => void;
}

export function LeadEditForm({ lead, onCancel, onSaved }: LeadEditFormProps) {
  const [updateLead, { isLoading }] = useUpdateLeadMutation();
  // The form starts from the lead as it was opened; a background refetch must not overwrite what is typed.
  const [initial] = useState(() => valuesOf(lead));
  const [values, setValues] = useState(initial);
  const errors = useFormErrors(EDIT_FIELDS);

  function change(field: EditField, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    errors.clearField(field);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const price = values.price.trim();
    if (!price || !Number.isFinite(Number(price)) || Number(price) < 0) {
      errors.setFieldErrors({ price: 'Enter the price as a number, e.g. 45.00' });
      return;
    }
    try {
      onSaved(await updateLead({ id: lead.id, changes: changesOf(initial, values) }).unwrap());
    } catch (error) {
      errors.fromError(error);
    }
  }

  return (
    <Box component="form" noValidate onSubmit={handleSubmit} aria-label="Edit and resubmit">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Correct what the review pointed out. Saving runs every validation check again and sends the lead back to
        review; it stays off the marketplace until it is approved.
      </Typography>
      {errors.message ? (
        <Alert severity="error" sx={{ mb: 2 }}>
          {errors.message}
        </Alert>
      ) : null}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, gap: 2 }}>
        {EDIT_FIELDS.map((field) => (
          <TextField
            key={field}
            name={field}
            label={field === 'price' ? 'Price' : (FIELD_LABEL[field] ?? field)}
            value={values[field]}
            onChange={(event) => change(field, event.target.value)}
            error={Boolean(errors.fieldErrors[field])}
            helperText={errors.fieldErrors[field]}
            size="small"
            multiline={WIDE.has(field)}
            minRows={WIDE.has(field) ? 3 : undefined}
            type={field === 'email' ? 'email' : field === 'consent_date' ? 'date' : 'text'}
            sx={WIDE.has(field) ? { gridColumn: '1 / -1' } : undefined}
            slotProps={
              field === 'price'
                ? {
                    htmlInput: { inputMode: 'decimal' },
                    input: { startAdornment: <InputAdornment position="start">{lead.currency}</InputAdornment> },
                  }
                : field === 'consent_date'
                  ? { inputLabel: { shrink: true } }
                  : undefined
            }
          />
        ))}
      </Box>
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', gap: 1, mt: 2.5 }}>
        <Button onClick={onCancel} disabled={isLoading}>
          Cancel
        </Button>
        <Button type="submit" variant="contained" disabled={isLoading}>
          {isLoading ? 'Resubmitting…' : 'Resubmit for review'}
        </Button>
      </Box>
    </Box>
  );
}
