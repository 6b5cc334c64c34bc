import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import CloseRounded from '@mui/icons-material/CloseRounded';
import SearchRounded from '@mui/icons-material/SearchRounded';

interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  /** Search now, without waiting for the pause in typing (with `value`: search for that). */
  onSubmit: (value?: string) => void;
}

export function SearchBox({ value, onChange, onSubmit }: SearchBoxProps) {
  return (
    <TextField
      type="search"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onSubmit();
      }}
      placeholder='Search titles and descriptions, e.g. "head of sales" fintech -intern'
      helperText='Use "quotes" for a phrase, OR between alternatives, and -word to leave a word out.'
      slotProps={{
        htmlInput: { 'aria-label': 'Search leads', maxLength: 200, enterKeyHint: 'search' },
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <SearchRounded />
            </InputAdornment>
          ),
          endAdornment: value ? (
            <InputAdornment position="end">
              <IconButton
                size="small"
                aria-label="Clear search text"
                onClick={() => onSubmit('')}
                edge="end"
              >
                <CloseRounded fontSize="small" />
              </IconButton>
            </InputAdornment>
          ) : null,
          sx: { bgcolor: 'background.paper', '& input::-webkit-search-cancel-button': { display: 'none' } },
        },
      }}
    />
  );
}
