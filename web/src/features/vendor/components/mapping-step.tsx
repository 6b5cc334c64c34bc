import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControl from '@mui/material/FormControl';
import FormHelperText from '@mui/material/FormHelperText';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { ColumnSuggestion, UploadCreated } from '@/api/types';
import { labelOf } from '@/lib/lead-labels';
import { FIELD_LABEL, METHOD_LABEL } from '@/features/vendor/utils/labels';
import { columnUsing, type Mapping, type MappingSource } from '@/features/vendor/utils/upload-form';

const IGNORE = '';
const PREVIEW_ROWS = 5;

interface MappingStepProps {
  created: UploadCreated;
  mapping: Mapping;
  source: MappingSource;
  onChange: (column: string, field: string | null) => void;
  onSourceChange: (source: MappingSource) => void;
  /** Server (or client) errors per column header. */
  columnErrors: Record<string, string>;
  /** An error about the mapping as a whole, e.g. no email or phone column. */
  mappingError: string | null;
}

function confidenceLevel(confidence: number): { label: string; color: 'success' | 'warning' | 'default' } {
  if (confidence >= 0.85) return { label: 'High', color: 'success' };
  if (confidence >= 0.6) return { label: 'Medium', color: 'warning' };
  return { label: 'Low', color: 'default' };
}

function MatchChip({
  suggestion,
  current,
  remembered,
}: {
  suggestion: ColumnSuggestion | undefined;
  current: string | null;
  remembered: boolean;
}) {
  if (remembered) {
    return (
      <Tooltip title="You chose this field for this column on your last upload with the same columns">
        <Chip size="small" color="primary" variant="outlined" label="Used last time" />
      </Tooltip>
    );
  }
  if (suggestion && suggestion.field !== null && current === suggestion.field) {
    const level = confidenceLevel(suggestion.confidence);
    const method = METHOD_LABEL[suggestion.method] ?? suggestion.method;
    return (
      <Tooltip title={`${method} (${Math.round(suggestion.confidence * 100)}% confidence)`}>
        <Chip size="small" color={level.color} label={`${level.label} confidence`} />
      </Tooltip>
    );
  }
  if (current === null) {
    return suggestion?.field ? null : <Chip size="small" variant="outlined" label="No match" />;
  }
  return <Chip size="small" variant="outlined" label="Your choice" />;
}

export function MappingStep({
  created,
  mapping,
  source,
  onChange,
  onSourceChange,
  columnErrors,
  mappingError,
}: MappingStepProps) {
  const suggestions = new Map(created.suggested_mapping.map((s) => [s.column, s]));
  const remembered = source === 'remembered' ? created.remembered_mapping : null;
  const mappedCount = created.columns.filter((column) => mapping[column]).length;
  const previewRows = created.sample_rows.slice(0, PREVIEW_ROWS);
  // On a phone three columns leave the file's column names a few letters wide ("Vorna|me"):
  // there the match chip goes under the field selector instead of in a column of its own.
  const theme = useTheme();
  const compact = useMediaQuery(theme.breakpoints.down('sm'), { noSsr: true });

  return (
    // minmax(0, 1fr): a wide file's preview scrolls inside its table instead of widening the
    // step past the card, which cut off the field selectors on the right.
    <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 2.5 }}>
      {source === 'remembered' ? (
        <Alert
          severity="info"
          role="status"
          action={
            <Button color="inherit" size="small" onClick={() => onSourceChange('suggested')}>
              Use suggestions instead
            </Button>
          }
        >
          We applied the mapping you confirmed last time for a file with these exact columns.
        </Alert>
      ) : created.remembered_mapping ? (
        <Alert
          severity="info"
          role="status"
          variant="outlined"
          action={
            <Button color="inherit" size="small" onClick={() => onSourceChange('remembered')}>
              Use my last mapping
            </Button>
          }
        >
          You uploaded a file with these columns before. You can reuse the mapping you confirmed then.
        </Alert>
      ) : null}

      {mappingError ? (
        <Alert severity="error" role="alert">
          {mappingError}
        </Alert>
      ) : null}

      <Typography color="text.secondary">
        Match each column of <strong>{created.upload.filename}</strong> to a lead field, or ignore it.{' '}
        {mappedCount} of {created.columns.length} columns will be imported. Map at least an email or a phone column.
      </Typography>

      <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 2 }}>
        <Table aria-label="Column mapping" sx={compact ? { '& td, & th': { px: 1.5 } } : undefined}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: compact ? '45%' : '38%' }}>Column in your file</TableCell>
              <TableCell sx={{ width: compact ? undefined : '38%' }}>Lead field</TableCell>
              {compact ? null : <TableCell>Match</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {created.columns.map((column, index) => {
              const suggestion = suggestions.get(column);
              const current = mapping[column] ?? null;
              const error = columnErrors[column];
              const samples = (suggestion?.samples.length ? suggestion.samples : created.sample_rows.map((row) => row[index] ?? ''))
                .filter((value) => value.trim() !== '')
                .slice(0, 3);
              const isRemembered = remembered !== null && current !== null && remembered[column] === current;
              return (
                <TableRow key={`${index}-${column}`} sx={{ verticalAlign: 'top' }}>
                  <TableCell>
                    <Typography sx={{ fontWeight: 600, wordBreak: 'break-word' }}>
                      {column || <em>(no name)</em>}
                    </Typography>
                    <Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-word' }}>
                      {samples.length > 0 ? samples.join(' · ') : 'Empty in the first rows'}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    <FormControl fullWidth size="small" error={Boolean(error)}>
                      <Select
                        value={current ?? IGNORE}
                        displayEmpty
                        onChange={(event) => onChange(column, event.target.value === IGNORE ? null : event.target.value)}
                        inputProps={{ 'aria-label': `Lead field for column ${column}` }}
                        renderValue={(value) =>
                          value === IGNORE ? (
                            <Typography component="span" color="text.secondary">
                              — ignore —
                            </Typography>
                          ) : (
                            labelOf(FIELD_LABEL, value)
                          )
                        }
                      >
                        <MenuItem value={IGNORE}>
                          <ListItemText primary="— ignore —" secondary="Don't import this column" />
                        </MenuItem>
                        {created.canonical_fields.map((field) => {
                          const usedBy = columnUsing(mapping, field, column);
                          return (
                            <MenuItem key={field} value={field} disabled={usedBy !== null}>
                              <ListItemText
                                primary={labelOf(FIELD_LABEL, field)}
                                secondary={usedBy !== null ? `Already used by “${usedBy}”` : undefined}
                              />
                            </MenuItem>
                          );
                        })}
                      </Select>
                      {error ? <FormHelperText>{error}</FormHelperText> : null}
                    </FormControl>
                    {compact ? (
                      <Box sx={{ mt: 1 }}>
                        <MatchChip suggestion={suggestion} current={current} remembered={isRemembered} />
                      </Box>
                    ) : null}
                  </TableCell>
                  {compact ? null : (
                    <TableCell>
                      <MatchChip suggestion={suggestion} current={current} remembered={isRemembered} />
                    </TableCell>
                  )}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>

      {previewRows.length > 0 ? (
        <Box>
          <Typography variant="h6" component="h3" sx={{ mb: 1 }}>
            Preview of the first {previewRows.length} rows
          </Typography>
          <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 2, maxWidth: '100%' }}>
            <Table size="small" aria-label="Preview">
              <TableHead>
                <TableRow>
                  {created.columns.map((column, index) => {
                    const field = mapping[column];
                    return (
                      <TableCell key={`${index}-${column}`} sx={{ whiteSpace: 'nowrap', opacity: field ? 1 : 0.5 }}>
                        <Typography variant="body2" sx={{ fontWeight: 600 }}>
                          {field ? labelOf(FIELD_LABEL, field) : 'Ignored'}
                        </Typography>
                        <Typography variant="caption" color="text.secondary">
                          {column}
                        </Typography>
                      </TableCell>
                    );
                  })}
                </TableRow>
              </TableHead>
              <TableBody>
                {previewRows.map((row, rowIndex) => (
                  <TableRow key={rowIndex}>
                    {created.columns.map((column, index) => (
                      <TableCell
                        key={`${index}-${column}`}
                        sx={{
                          whiteSpace: 'nowrap',
                          maxWidth: 220,
                          overflow: 'hidden',
                          textOverflow: 'ellipsis',
                          opacity: mapping[column] ? 1 : 0.45,
                        }}
                      >
                        {row[index] ?? ''}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </Box>
      ) : null}
    </Box>
  );
}
