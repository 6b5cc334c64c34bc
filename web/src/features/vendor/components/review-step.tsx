import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import type { UploadCreated } from '@/api/types';
import { formatPrice } from '@/lib/format';
import { labelOf } from '@/lib/lead-labels';
import { exclusivityLabel, FIELD_LABEL } from '@/features/vendor/utils/labels';
import { maxSalesOf, type DefaultsForm, type Mapping } from '@/features/vendor/utils/upload-form';

interface ReviewStepProps {
  created: UploadCreated;
  mapping: Mapping;
  defaults: DefaultsForm;
  error: string | null;
}

function Row({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '220px 1fr' }, gap: 1, py: 1 }}>
      <Typography color="text.secondary">{label}</Typography>
      <Box>{value}</Box>
    </Box>
  );
}

export function ReviewStep({ created, mapping, defaults, error }: ReviewStepProps) {
  const mapped = created.columns.filter((column) => mapping[column]);
  const ignored = created.columns.filter((column) => !mapping[column]);
  const price =
    defaults.priceMode === 'fixed'
      ? `${formatPrice(defaults.amount, defaults.currency)} per lead`
      : `${formatPrice(defaults.min, defaults.currency)} – ${formatPrice(defaults.max, defaults.currency)}, by quality score`;

  return (
    <Box>
      {error ? (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {error}
        </Alert>
      ) : null}
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        Check the settings below, then start the import. Every row is validated, checked for duplicates, scored and priced; each
        lead then goes on sale once it is approved.
      </Typography>
      <Row label="File" value={created.upload.filename} />
      <Divider />
      <Row
        label={`Imported columns (${mapped.length})`}
        value={
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
            {mapped.map((column) => (
              <Chip key={column} size="small" label={`${column} → ${labelOf(FIELD_LABEL, mapping[column] ?? '')}`} />
            ))}
          </Box>
        }
      />
      {ignored.length > 0 ? (
        <Row
          label={`Ignored columns (${ignored.length})`}
          value={<Typography color="text.secondary">{ignored.join(', ')}</Typography>}
        />
      ) : null}
      <Divider />
      <Row label="Price" value={price} />
      <Row label="Exclusivity" value={exclusivityLabel(maxSalesOf(defaults))} />
      <Row label="Industry" value={defaults.industry.trim() || 'From the file'} />
      <Row label="Default phone country" value={defaults.defaultCountry.trim() || 'None (numbers need a +country prefix)'} />
      <Row label="Consent source" value={defaults.consentSource.trim() || '—'} />
      <Row label="MX lookup" value={defaults.checkMx ? 'On' : 'Off'} />
    </Box>
  );
}
