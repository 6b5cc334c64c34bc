import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import Typography from '@mui/material/Typography';
import type { SearchFacet } from '@/api/types';
import { FACET_LABEL, FACET_ORDER, facetValueLabel, formatCount } from '@/features/marketplace/utils/labels';
import type { FacetName } from '@/features/marketplace/utils/search-params';

const VISIBLE = 6;

interface FacetOption {
  value: string;
  /** Null when the server sent no counts for this facet. */
  count: number | null;
}

/** The facet's values with their counts, plus selected values the counts do not mention (count 0). */
export function facetOptions(name: FacetName, facet: SearchFacet | undefined, selected: string[]): FacetOption[] {
  const counts = new Map((facet?.values ?? []).map((item) => [item.value, item.count]));
  const values = (facet?.values ?? []).map((item) => item.value);
  for (const value of selected) if (!counts.has(value)) values.push(value);
  const order = FACET_ORDER[name];
  if (order) {
    const rank = (value: string) => (order.includes(value) ? order.indexOf(value) : order.length);
    values.sort((a, b) => rank(a) - rank(b));
  }
  return values.map((value) => ({ value, count: counts.get(value) ?? (facet ? 0 : null) }));
}

interface FacetFilterProps {
  name: FacetName;
  facet: SearchFacet | undefined;
  selected: string[];
  onToggle: (value: string, checked: boolean) => void;
}

/** Checkboxes for one facet; several values combine with OR, and each count ignores this facet's own filter. */
export function FacetFilter({ name, facet, selected, onToggle }: FacetFilterProps) {
  const [expanded, setExpanded] = useState(false);
  const options = facetOptions(name, facet, selected);
  const collapsible = options.length > VISIBLE + 1;
  const shown =
    expanded || !collapsible
      ? options
      : options.filter((option, index) => index < VISIBLE || selected.includes(option.value));
  const exact = facet?.exact ?? true;
  const label = FACET_LABEL[name];

  if (options.length === 0) return null;

  return (
    <FormControl component="fieldset" variant="standard" sx={{ width: '100%' }}>
      <FormLabel component="legend" sx={{ typography: 'subtitle2', color: 'text.primary', mb: 0.5, '&.Mui-focused': { color: 'text.primary' } }}>
        {label}
      </FormLabel>
      <FormGroup>
        {shown.map((option) => {
          const checked = selected.includes(option.value);
          return (
            <FormControlLabel
              key={option.value}
              control={
                <Checkbox
                  size="small"
                  checked={checked}
                  onChange={(event) => onToggle(option.value, event.target.checked)}
                  sx={{ py: 0.5 }}
                />
              }
              label={
                <Box component="span" sx={{ display: 'flex', justifyContent: 'space-between', gap: 1 }}>
                  <Typography component="span" variant="body2" noWrap title={facetValueLabel(name, option.value)}>
                    {facetValueLabel(name, option.value)}
                  </Typography>
                  {option.count !== null ? (
                    <Typography
                      component="span"
                      variant="caption"
                      color={option.count === 0 ? 'text.disabled' : 'text.secondary'}
                      sx={{ fontVariantNumeric: 'tabular-nums', flexShrink: 0 }}
                    >
                      {formatCount(option.count, exact || option.count === 0)}
                    </Typography>
                  ) : null}
                </Box>
              }
              sx={{ mr: 0, ml: -0.75, '& .MuiFormControlLabel-label': { flex: 1, minWidth: 0 } }}
            />
          );
        })}
      </FormGroup>
      {collapsible ? (
        <Box>
          <Button size="small" onClick={() => setExpanded((value) => !value)} sx={{ px: 0.5, minWidth: 0 }}>
            {expanded ? 'Show fewer' : `Show all ${options.length}`}
          </Button>
        </Box>
      ) : null}
    </FormControl>
  );
}
