import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { DefaultsField, DefaultsForm, Exclusivity } from '@/features/vendor/utils/upload-form';

export const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'CHF'];

interface DefaultsStepProps {
  form: DefaultsForm;
  onChange: (changes: Partial<DefaultsForm>) => void;
  errors: Partial<Record<DefaultsField, string>>;
  remembered: boolean;
}

function Section({ title, hint, children }: { title: string; hint?: string; children: React.ReactNode }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '240px 1fr' }, gap: { xs: 1, md: 3 } }}>
      <Box>
        <Typography sx={{ fontWeight: 600 }}>{title}</Typography>
        {hint ? (
          <Typography variant="body2" color="text.secondary">
            {hint}
          </Typography>
        ) : null}
      </Box>
      <Box sx={{ display: 'grid', gap: 2, alignContent: 'start' }}>{children}</Box>
    </Box>
  );
}

export function DefaultsStep({ form, onChange, errors, remembered }: DefaultsStepProps) {
  const currencyAdornment = { input: { startAdornment: <InputAdornment position="start">{form.currency}</InputAdornment> } };
  return (
    <Box sx={{ display: 'grid', gap: 4 }}>
      {remembered ? (
        <Alert severity="info" role="status">These settings are the ones you used last time for a file with the same columns.</Alert>
      ) : null}

      <Section title="Price" hint="What a buyer pays for one lead of this file.">
        <RadioGroup
          row
          aria-label="Pricing"
          value={form.priceMode}
          onChange={(event) => onChange({ priceMode: event.target.value as DefaultsForm['priceMode'] })}
        >
          <FormControlLabel value="fixed" control={<Radio />} label="Fixed price" />
          <FormControlLabel value="score" control={<Radio />} label="By quality score" />
        </RadioGroup>
        {form.priceMode === 'fixed' ? (
          <TextField
            label="Price per lead"
            value={form.amount}
            onChange={(event) => onChange({ amount: event.target.value })}
            error={Boolean(errors.amount)}
            helperText={errors.amount}
            inputMode="decimal"
            sx={{ maxWidth: 260 }}
            slotProps={currencyAdornment}
          />
        ) : (
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
            <TextField
              label="Lowest price (score 0)"
              value={form.min}
              onChange={(event) => onChange({ min: event.target.value })}
              error={Boolean(errors.min)}
              helperText={errors.min}
              inputMode="decimal"
              sx={{ flex: '1 1 200px', maxWidth: 260 }}
              slotProps={currencyAdornment}
            />
            <TextField
              label="Highest price (score 1)"
              value={form.max}
              onChange={(event) => onChange({ max: event.target.value })}
              error={Boolean(errors.max)}
              helperText={errors.max}
              inputMode="decimal"
              sx={{ flex: '1 1 200px', maxWidth: 260 }}
              slotProps={currencyAdornment}
            />
          </Box>
        )}
        {form.priceMode === 'score' ? (
          <Typography variant="body2" color="text.secondary">
            Each lead is priced between the two amounts in proportion to its quality score.
          </Typography>
        ) : null}
        {errors.price ? <FormHelperText error>{errors.price}</FormHelperText> : null}
        <TextField
          select
          label="Currency"
          value={form.currency}
          onChange={(event) => onChange({ currency: event.target.value })}
          error={Boolean(errors.currency)}
          helperText={errors.currency}
          sx={{ maxWidth: 260 }}
        >
          {CURRENCIES.map((currency) => (
            <MenuItem key={currency} value={currency}>
              {currency}
            </MenuItem>
          ))}
        </TextField>
      </Section>

      <Section title="Exclusivity" hint="How many buyers may purchase the same lead.">
        <FormControl error={Boolean(errors.sharedCount)}>
          <FormLabel id="exclusivity-label" sx={{ position: 'absolute', left: -9999 }}>
            Exclusivity
          </FormLabel>
          <RadioGroup
            aria-labelledby="exclusivity-label"
            value={form.exclusivity}
            onChange={(event) => onChange({ exclusivity: event.target.value as Exclusivity })}
          >
            <FormControlLabel value="exclusive" control={<Radio />} label="Exclusive: sold to one buyer only" />
            <FormControlLabel value="semi" control={<Radio />} label="Semi-exclusive: up to 2 buyers" />
            <FormControlLabel value="shared" control={<Radio />} label="Shared: up to N buyers" />
          </RadioGroup>
          {form.exclusivity === 'shared' ? (
            <TextField
              label="Number of buyers (N)"
              type="number"
              value={form.sharedCount}
              onChange={(event) => onChange({ sharedCount: event.target.value })}
              error={Boolean(errors.sharedCount)}
              helperText={errors.sharedCount ?? 'Between 3 and 100.'}
              sx={{ maxWidth: 260, mt: 1 }}
              slotProps={{ htmlInput: { min: 3, max: 100 } }}
            />
          ) : errors.sharedCount ? (
            <FormHelperText>{errors.sharedCount}</FormHelperText>
          ) : null}
        </FormControl>
      </Section>

      <Section title="Lead details" hint="Applied to every row that doesn't have its own value.">
        <TextField
          label="Industry (optional)"
          placeholder="e.g. Software"
          value={form.industry}
          onChange={(event) => onChange({ industry: event.target.value })}
          error={Boolean(errors.industry)}
          helperText={errors.industry ?? 'Used when the file has no industry column or the cell is empty.'}
        />
        <TextField
          label="Default phone country (optional)"
          placeholder="US"
          value={form.defaultCountry}
          onChange={(event) => onChange({ defaultCountry: event.target.value.toUpperCase().slice(0, 2) })}
          error={Boolean(errors.defaultCountry)}
          helperText={
            errors.defaultCountry ?? 'Two-letter code. Phone numbers without a +country prefix are read as numbers of this country.'
          }
          sx={{ maxWidth: 420 }}
        />
        <TextField
          label="Consent source (optional)"
          placeholder="e.g. Webinar sign-up form, March 2026"
          value={form.consentSource}
          onChange={(event) => onChange({ consentSource: event.target.value })}
          error={Boolean(errors.consentSource)}
          helperText={errors.consentSource ?? 'Where these contacts agreed to be contacted.'}
        />
      </Section>

      <Section title="Checks">
        <FormControlLabel
          control={<Switch checked={form.checkMx} onChange={(event) => onChange({ checkMx: event.target.checked })} />}
          label="Check that each email domain can receive mail (MX lookup)"
        />
        <Typography variant="body2" color="text.secondary" sx={{ mt: -1.5 }}>
          More accurate, but processing takes noticeably longer. Off by default.
        </Typography>
      </Section>
    </Box>
  );
}
