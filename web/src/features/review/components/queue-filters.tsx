import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import FilterAltOffOutlined from '@mui/icons-material/FilterAltOffOutlined';
import type { QueueSort, ReviewVendor } from '@/api/types';
import { ScoreRangeSlider, useScoreRange } from '@/components/leads/score-range-slider';
import type { QueueFilters as Filters } from '@/features/review/api/review-api';
import { FLAG_OPTIONS, SORT_OPTIONS, vendorName } from '@/features/review/utils/labels';

interface QueueFiltersProps {
  filters: Filters;
  onChange: (changes: Partial<Filters>) => void;
  /** Vendors seen in the queue so far, to pick from. */
  vendors: ReviewVendor[];
  /** Industries seen in the queue so far, to pick from (the filter matches exactly). */
  industries: readonly string[];
  filtered: boolean;
  onClear: () => void;
}

type VendorValue = ReviewVendor | string;

/** A picked vendor, or typed text: "#12" or "12" is a vendor id, anything else a name to look up. */
function vendorIdOf(value: VendorValue | null, vendors: ReviewVendor[]): number | null {
  if (value === null) return null;
  if (typeof value !== 'string') return value.id;
  const text = value.trim();
  const id = /^#?(\d+)$/.exec(text);
  if (id) return Number(id[1]) || null;
  const needle = text.toLowerCase();
  return needle ? (vendors.find((v) => vendorName(v).toLowerCase().includes(needle))?.id ?? null) : null;
}

export function QueueFilters({ filters, onChange, vendors, industries, filtered, onClear }: QueueFiltersProps) {
  const score = useScoreRange([filters.minScore, filters.maxScore], ([minScore, maxScore]) =>
    onChange({ minScore, maxScore }),
  );
  const vendorValue: VendorValue | null =
    filters.vendorId === null ? null : (vendors.find((v) => v.id === filters.vendorId) ?? `#${filters.vendorId}`);

  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2, p: 2.5 }}>
      <Autocomplete<VendorValue, false, false, true>
        freeSolo
        autoSelect
        size="small"
        options={vendors}
        value={vendorValue}
        onChange={(_event, value) => onChange({ vendorId: vendorIdOf(value, vendors) })}
        getOptionLabel={(option) => (typeof option === 'string' ? option : `${vendorName(option)} (#${option.id})`)}
        getOptionKey={(option) => (typeof option === 'string' ? option : option.id)}
        isOptionEqualToValue={(option, value) =>
          typeof option !== 'string' && typeof value !== 'string' && option.id === value.id
        }
        renderInput={(params) => <TextField {...params} label="Vendor" placeholder="Name or #id" />}
        sx={{ flex: '1 1 220px', maxWidth: 320 }}
      />
      <Autocomplete<string, false, false, true>
        freeSolo
        autoSelect
        size="small"
        options={industries}
        value={filters.industry || null}
        onChange={(_event, value) => onChange({ industry: value?.trim() ?? '' })}
        renderInput={(params) => <TextField {...params} label="Industry" placeholder="Any industry" />}
        sx={{ flex: '1 1 180px', maxWidth: 240 }}
      />
      <Box sx={{ flex: '0 1 200px', minWidth: 170, px: 1 }}>
        <Typography id="score-range-label" variant="caption" color="text.secondary" component="div">
          Score {score.value[0].toFixed(2)} – {score.value[1].toFixed(2)}
        </Typography>
        <ScoreRangeSlider {...score} />
      </Box>
      <TextField
        select
        label="Risk flags"
        value={filters.flag}
        onChange={(event) => onChange({ flag: event.target.value as Filters['flag'] })}
        size="small"
        sx={{ flex: '0 1 200px' }}
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
      >
        <MenuItem value="">All leads</MenuItem>
        {FLAG_OPTIONS.map((option) => (
          <MenuItem key={option.value} value={option.value}>
            {option.label}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        label="Sort"
        value={filters.sort}
        onChange={(event) => onChange({ sort: event.target.value as QueueSort })}
        size="small"
        sx={{ flex: '0 1 170px' }}
      >
        {SORT_OPTIONS.map((option) => (
          <MenuItem key={option.value} value={option.value}>
            {option.label}
          </MenuItem>
        ))}
      </TextField>
      {filtered ? (
        <Button onClick={onClear} startIcon={<FilterAltOffOutlined />}>
          Clear filters
        </Button>
      ) : null}
    </Box>
  );
}
