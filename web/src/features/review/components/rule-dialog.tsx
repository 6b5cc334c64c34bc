import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import Slider from '@mui/material/Slider';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ReviewRule, RuleFields } from '@/api/types';
import { useFormErrors } from '@/lib/use-form-errors';
import { useCreateRuleMutation, useUpdateRuleMutation } from '@/features/review/api/review-api';

const FIELDS = [
  'name',
  'min_score',
  'require_no_risk_flags',
  'require_validation_passed',
  'trusted_vendors_only',
  'is_active',
] as const;

type Form = Required<Omit<RuleFields, 'min_score'>> & { useMinScore: boolean; minScore: number };

function formOf(rule: ReviewRule | null): Form {
  return {
    name: rule?.name ?? '',
    is_active: rule?.is_active ?? true,
    useMinScore: rule ? rule.min_score !== null : true,
    minScore: rule?.min_score ?? 0.8,
    require_no_risk_flags: rule?.require_no_risk_flags ?? true,
    require_validation_passed: rule?.require_validation_passed ?? false,
    trusted_vendors_only: rule?.trusted_vendors_only ?? false,
  };
}

const SWITCHES: { field: 'require_no_risk_flags' | 'require_validation_passed' | 'trusted_vendors_only'; label: string; hint: string }[] = [
  { field: 'require_no_risk_flags', label: 'No risk flags', hint: 'No disposable, role or free-mail address, no missing mail server, no mismatch.' },
  { field: 'require_validation_passed', label: 'Validation passed without warnings', hint: 'Every stage of the validation report passed.' },
  { field: 'trusted_vendors_only', label: 'Trusted vendors only', hint: 'Only leads of vendors marked as trusted on the Users page.' },
];

interface RuleDialogProps {
  open: boolean;
  /** The rule to edit, or null to create one. */
  rule: ReviewRule | null;
  onClose: () => void;
  onSaved: (rule: ReviewRule, created: boolean) => void;
}

export function RuleDialog({ open, rule, onClose, onSaved }: RuleDialogProps) {
  const [createRule, { isLoading: creating }] = useCreateRuleMutation();
  const [updateRule, { isLoading: updating }] = useUpdateRuleMutation();
  const [form, setForm] = useState<Form>(() => formOf(rule));
  const errors = useFormErrors(FIELDS);
  const pending = creating || updating;

  function change(changes: Partial<Form>, field?: (typeof FIELDS)[number]) {
    setForm((current) => ({ ...current, ...changes }));
    if (field) errors.clearField(field);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    if (!form.name.trim()) {
      errors.setFieldErrors({ name: 'Give the rule a name.' });
      return;
    }
    const values: RuleFields = {
      name: form.name.trim(),
      is_active: form.is_active,
      min_score: form.useMinScore ? form.minScore : null,
      require_no_risk_flags: form.require_no_risk_flags,
      require_validation_passed: form.require_validation_passed,
      trusted_vendors_only: form.trusted_vendors_only,
    };
    try {
      const saved = rule
        ? await updateRule({ id: rule.id, changes: values }).unwrap()
        : await createRule(values).unwrap();
      onSaved(saved, rule === null);
    } catch (error) {
      errors.fromError(error);
    }
  }

  const noConditions =
    !form.useMinScore && !form.require_no_risk_flags && !form.require_validation_passed && !form.trusted_vendors_only;

  return (
    <Dialog open={open} onClose={pending ? undefined : onClose} aria-labelledby="rule-title" maxWidth="sm" fullWidth>
      <DialogTitle id="rule-title">{rule ? 'Edit rule' : 'New auto-approval rule'}</DialogTitle>
      <Box component="form" noValidate onSubmit={handleSubmit} aria-label="Rule">
        <DialogContent sx={{ display: 'grid', gap: 2.5 }}>
          <DialogContentText>
            A pending lead that meets every condition of an active rule is approved without a reviewer. Rules apply to
            leads as they arrive; use “Apply rules to the queue now” for the leads already waiting.
          </DialogContentText>
          {errors.message ? <Alert severity="error">{errors.message}</Alert> : null}
          <TextField
            label="Name"
            name="name"
            value={form.name}
            onChange={(event) => change({ name: event.target.value }, 'name')}
            error={Boolean(errors.fieldErrors.name)}
            helperText={errors.fieldErrors.name ?? 'For the status history, e.g. “High score, clean”'}
            slotProps={{ htmlInput: { maxLength: 100 } }}
            autoFocus
          />
          <Box>
            <FormControlLabel
              control={
                <Switch checked={form.useMinScore} onChange={(event) => change({ useMinScore: event.target.checked }, 'min_score')} />
              }
              label="Minimum quality score"
            />
            {form.useMinScore ? (
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, px: 1 }}>
                <Slider
                  value={form.minScore}
                  min={0}
                  max={1}
                  step={0.05}
                  onChange={(_event, value) => change({ minScore: value as number }, 'min_score')}
                  valueLabelDisplay="auto"
                  aria-label="Minimum score"
                  getAriaValueText={(value) => value.toFixed(2)}
                  sx={{ flex: 1 }}
                />
                <Typography sx={{ fontWeight: 700, fontVariantNumeric: 'tabular-nums', minWidth: 40 }}>
                  {form.minScore.toFixed(2)}
                </Typography>
              </Box>
            ) : null}
            {errors.fieldErrors.min_score ? <FormHelperText error>{errors.fieldErrors.min_score}</FormHelperText> : null}
          </Box>
          <FormGroup sx={{ gap: 1 }}>
            {SWITCHES.map(({ field, label, hint }) => (
              <Box key={field}>
                <FormControlLabel
                  control={<Switch checked={form[field]} onChange={(event) => change({ [field]: event.target.checked }, field)} />}
                  label={label}
                />
                <FormHelperText sx={{ mt: -0.5, ml: 6 }} error={Boolean(errors.fieldErrors[field])}>
                  {errors.fieldErrors[field] ?? hint}
                </FormHelperText>
              </Box>
            ))}
          </FormGroup>
          {noConditions ? (
            <Alert severity="warning">Without any condition this rule approves every lead that reaches review.</Alert>
          ) : null}
          <FormControlLabel
            control={<Switch checked={form.is_active} onChange={(event) => change({ is_active: event.target.checked }, 'is_active')} />}
            label="Active"
          />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2.5 }}>
          <Button onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={pending}>
            {pending ? 'Saving…' : rule ? 'Save rule' : 'Create rule'}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
