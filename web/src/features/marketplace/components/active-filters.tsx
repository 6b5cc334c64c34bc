import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import type { SearchChanges } from '@/features/marketplace/components/filter-panel';
import {
  exclusivityOptionLabel,
  facetValueLabel,
  priceRangeLabel,
  publishedLabel,
  scoreRangeLabel,
  searchTextLabel,
  validationLabel,
} from '@/features/marketplace/utils/labels';
import { FACET_NAMES, numberParam, splitList, type SearchArgs } from '@/features/marketplace/utils/search-params';

interface ActiveFilter {
  key: string;
  label: string;
  remove: SearchChanges;
}

function without(list: string | undefined, value: string): string | null {
  const rest = splitList(list).filter((item) => item !== value);
  return rest.length > 0 ? rest.join(',') : null;
}

export function activeFilters(args: SearchArgs, currency: string, vendorLabel?: string): ActiveFilter[] {
  const filters: ActiveFilter[] = [];
  if (args.q?.trim()) filters.push({ key: 'q', label: searchTextLabel(args.q), remove: { q: null } });
  for (const name of FACET_NAMES) {
    for (const value of splitList(args[name])) {
      filters.push({ key: `${name}:${value}`, label: facetValueLabel(name, value), remove: { [name]: without(args[name], value) } });
    }
  }
  for (const value of splitList(args.exclusivity)) {
    filters.push({
      key: `exclusivity:${value}`,
      label: exclusivityOptionLabel(value),
      remove: { exclusivity: without(args.exclusivity, value) },
    });
  }
  const score = scoreRangeLabel(args.min_score, args.max_score);
  if (score) filters.push({ key: 'score', label: score, remove: { min_score: null, max_score: null } });
  const price = priceRangeLabel(args.min_price, args.max_price, currency);
  if (price) filters.push({ key: 'price', label: price, remove: { min_price: null, max_price: null } });
  const days = numberParam(args.published_within_days);
  if (args.published_within_days !== undefined) {
    filters.push({
      key: 'published',
      label: `Published: ${days !== null ? publishedLabel(days).toLowerCase() : args.published_within_days}`,
      remove: { published_within_days: null },
    });
  }
  if (args.validation) filters.push({ key: 'validation', label: validationLabel(args.validation), remove: { validation: null } });
  if (args.region) filters.push({ key: 'region', label: `Region: ${args.region}`, remove: { region: null } });
  if (args.city) filters.push({ key: 'city', label: `City: ${args.city}`, remove: { city: null } });
  if (args.vendor_id) {
    filters.push({ key: 'vendor', label: `Vendor: ${vendorLabel ?? `#${args.vendor_id}`}`, remove: { vendor_id: null } });
  }
  return filters;
}

interface ActiveFiltersProps {
  filters: ActiveFilter[];
  onChange: (changes: SearchChanges) => void;
  onClear: () => void;
}

/** What the search is filtered on, each removable in one click. */
export function ActiveFilters({ filters, onChange, onClear }: ActiveFiltersProps) {
  if (filters.length === 0) return null;
  return (
    <Box component="ul" aria-label="Active filters" sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, listStyle: 'none', m: 0, p: 0 }}>
      {filters.map((filter) => (
        <li key={filter.key}>
          <Chip
            size="small"
            color="primary"
            variant="outlined"
            label={filter.label}
            onDelete={() => onChange(filter.remove)}
          />
        </li>
      ))}
      <li>
        <Button size="small" onClick={onClear} sx={{ minWidth: 0 }}>
          Clear all
        </Button>
      </li>
    </Box>
  );
}
