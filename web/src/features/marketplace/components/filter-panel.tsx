import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Divider from '@mui/material/Divider';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { SearchFacet } from '@/api/types';
import { ScoreRangeSlider, useScoreRange } from '@/components/leads/score-range-slider';
import { FacetFilter } from '@/features/marketplace/components/facet-filter';
import { useDebouncedField } from '@/features/marketplace/hooks/use-debounced-field';
import {
  EXCLUSIVITY_OPTIONS,
  PUBLISHED_OPTIONS,
  publishedLabel,
  VALIDATION_OPTIONS,
} from '@/features/marketplace/utils/labels';
import {
  FACET_NAMES,
  numberParam,
  splitList,
  type ListKey,
  type SearchArgs,
  type SearchKey,
} from '@/features/marketplace/utils/search-params';

export type SearchChanges = Partial<Record<SearchKey, string | null>>;

const legendSx = { typography: 'subtitle2', color: 'text.primary', mb: 0.5, '&.Mui-focused': { color: 'text.primary' } };

function clamp01(value: number | null, fallback: number): number {
  return value === null ? fallback : Math.min(1, Math.max(0, value));
}

/** "0.6" rather than "0.6000000000000001" in the URL. */
function scoreParam(value: number, bound: number): string | null {
  return value === bound ? null : String(Number(value.toFixed(2)));
}

function ScoreFilter({ args, onChange }: { args: SearchArgs; onChange: (changes: SearchChanges) => void }) {
  const score = useScoreRange(
    [clamp01(numberParam(args.min_score), 0), clamp01(numberParam(args.max_score), 1)],
    ([min, max]) => onChange({ min_score: scoreParam(min, 0), max_score: scoreParam(max, 1) }),
  );
  const [low, high] = score.value;
  const any = low === 0 && high === 1;
  return (
    <Box>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
        <Typography id="score-filter-label" variant="subtitle2">
          Quality score
        </Typography>
        <Typography variant="caption" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {any ? 'Any' : `${low.toFixed(2)} – ${high.toFixed(2)}`}
        </Typography>
      </Box>
      <Box sx={{ px: 1 }}>
        <ScoreRangeSlider {...score} marks={[{ value: 0.5 }, { value: 0.75 }]} />
      </Box>
    </Box>
  );
}

function PriceInput({
  label,
  urlValue,
  currency,
  onCommit,
}: {
  label: string;
  urlValue: string;
  currency: string;
  onCommit: (value: string) => void;
}) {
  const [value, setValue, flush] = useDebouncedField(urlValue, onCommit, 600);
  const symbol = currency === 'USD' ? '$' : currency === 'EUR' ? '€' : currency === 'GBP' ? '£' : currency;
  return (
    <TextField
      size="small"
      label={label}
      type="number"
      value={value}
      onChange={(event) => setValue(event.target.value)}
      onBlur={() => flush()}
      onKeyDown={(event) => {
        if (event.key === 'Enter') flush();
      }}
      slotProps={{
        htmlInput: { min: 0, step: 1, inputMode: 'decimal' },
        input: { startAdornment: <InputAdornment position="start">{symbol}</InputAdornment> },
      }}
    />
  );
}

const LOCATION_DEBOUNCE_MS = 300;

const trimmed = (value: string) => value.trim();

function LocationInput({ label, urlValue, onCommit }: { label: string; urlValue: string; onCommit: (value: string | null) => void }) {
  const [value, setValue, flush] = useDebouncedField(urlValue, (typed) => onCommit(typed.trim() || null), LOCATION_DEBOUNCE_MS, trimmed);
  return (
    <TextField
      size="small"
      label={label}
      value={value}
      onChange={(event) => setValue(event.target.value)}
      onBlur={() => flush()}
      onKeyDown={(event) => {
        if (event.key === 'Enter') flush();
      }}
      slotProps={{ htmlInput: { maxLength: 100, autoComplete: 'off' } }}
    />
  );
}

/** City and region: the API matches them whole, ignoring case. */
function LocationFilter({ args, onChange }: { args: SearchArgs; onChange: (changes: SearchChanges) => void }) {
  return (
    <FormControl component="fieldset" variant="standard">
      <FormLabel component="legend" sx={legendSx}>
        Location
      </FormLabel>
      <Box sx={{ display: 'grid', gap: 1, mt: 0.5 }}>
        <LocationInput label="City" urlValue={args.city ?? ''} onCommit={(city) => onChange({ city })} />
        <LocationInput label="Region" urlValue={args.region ?? ''} onCommit={(region) => onChange({ region })} />
      </Box>
    </FormControl>
  );
}

interface FilterPanelProps {
  args: SearchArgs;
  facets: SearchFacet[];
  currency: string;
  onChange: (changes: SearchChanges) => void;
}

/** The sidebar's filters; every change goes to the URL, which drives the search. */
export function FilterPanel({ args, facets, currency, onChange }: FilterPanelProps) {
  function toggle(key: ListKey, value: string, checked: boolean) {
    const current = splitList(args[key]);
    const next = checked ? [...current.filter((item) => item !== value), value] : current.filter((item) => item !== value);
    onChange({ [key]: next.length > 0 ? next.join(',') : null });
  }

  // Facets with nothing to offer (no match, nothing selected) are left out, with their divider.
  const withOptions = FACET_NAMES.filter(
    (name) => splitList(args[name]).length > 0 || (facets.find((facet) => facet.name === name)?.values.length ?? 0) > 0,
  );
  const leading = withOptions.filter((name) => FACET_NAMES.indexOf(name) < 3);
  const trailing = withOptions.filter((name) => FACET_NAMES.indexOf(name) >= 3);
  const exclusivity = splitList(args.exclusivity);
  const published = numberParam(args.published_within_days);
  const publishedOptions =
    published !== null && !PUBLISHED_OPTIONS.some((option) => option.days === published)
      ? [...PUBLISHED_OPTIONS, { days: published, label: publishedLabel(published) }]
      : PUBLISHED_OPTIONS;

  return (
    <Box sx={{ display: 'grid', gap: 2.5 }}>
      {leading.map((name) => (
        <FacetFilter
          key={name}
          name={name}
          facet={facets.find((facet) => facet.name === name)}
          selected={splitList(args[name])}
          onToggle={(value, checked) => toggle(name, value, checked)}
        />
      ))}
      <LocationFilter args={args} onChange={onChange} />
      <Divider />
      <ScoreFilter args={args} onChange={onChange} />
      <FormControl component="fieldset" variant="standard">
        <FormLabel component="legend" sx={legendSx}>
          Price per lead
        </FormLabel>
        <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1, mt: 0.5 }}>
          <PriceInput
            label="Min"
            urlValue={args.min_price ?? ''}
            currency={currency}
            onCommit={(value) => onChange({ min_price: value || null })}
          />
          <PriceInput
            label="Max"
            urlValue={args.max_price ?? ''}
            currency={currency}
            onCommit={(value) => onChange({ max_price: value || null })}
          />
        </Box>
      </FormControl>
      <TextField
        select
        size="small"
        label="Published"
        value={published !== null ? String(published) : ''}
        onChange={(event) => onChange({ published_within_days: event.target.value || null })}
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
      >
        <MenuItem value="">Any time</MenuItem>
        {publishedOptions.map((option) => (
          <MenuItem key={option.days} value={String(option.days)}>
            {option.label}
          </MenuItem>
        ))}
      </TextField>
      <FormControl component="fieldset" variant="standard">
        <FormLabel component="legend" sx={legendSx}>
          Verified contact
        </FormLabel>
        <RadioGroup
          value={args.validation ?? ''}
          onChange={(event) => onChange({ validation: event.target.value || null })}
        >
          {VALIDATION_OPTIONS.map((option) => (
            <FormControlLabel
              key={option.value}
              value={option.value}
              control={<Radio size="small" sx={{ py: 0.5 }} />}
              label={
                <Typography component="span" variant="body2">
                  {option.label}
                </Typography>
              }
              sx={{ ml: -0.75 }}
            />
          ))}
        </RadioGroup>
      </FormControl>
      <FormControl component="fieldset" variant="standard">
        <FormLabel component="legend" sx={legendSx}>
          Exclusivity
        </FormLabel>
        <FormGroup>
          {EXCLUSIVITY_OPTIONS.map((option) => (
            <FormControlLabel
              key={option.value}
              control={
                <Checkbox
                  size="small"
                  checked={exclusivity.includes(option.value)}
                  onChange={(event) => toggle('exclusivity', option.value, event.target.checked)}
                  sx={{ py: 0.5 }}
                />
              }
              label={
                <Typography component="span" variant="body2">
                  {option.label}{' '}
                  <Typography component="span" variant="caption" color="text.secondary">
                    {option.hint}
                  </Typography>
                </Typography>
              }
              sx={{ ml: -0.75 }}
            />
          ))}
        </FormGroup>
      </FormControl>
      {trailing.length > 0 ? <Divider /> : null}
      {trailing.map((name) => (
        <FacetFilter
          key={name}
          name={name}
          facet={facets.find((facet) => facet.name === name)}
          selected={splitList(args[name])}
          onToggle={(value, checked) => toggle(name, value, checked)}
        />
      ))}
    </Box>
  );
}

/** Panel chrome: a title and "Clear all". */
export function FilterPanelHeader({ count, onClear }: { count: number; onClear: () => void }) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', mb: 2 }}>
      <Typography variant="h6" component="h2">
        Filters
      </Typography>
      {count > 0 ? (
        <Button size="small" onClick={onClear}>
          Clear all
        </Button>
      ) : null}
    </Box>
  );
}
