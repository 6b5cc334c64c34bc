import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import Chip from '@mui/material/Chip';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Skeleton from '@mui/material/Skeleton';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import BookmarkAddOutlined from '@mui/icons-material/BookmarkAddOutlined';
import BookmarkOutlined from '@mui/icons-material/BookmarkOutlined';
import CloseRounded from '@mui/icons-material/CloseRounded';
import SearchOffRounded from '@mui/icons-material/SearchOffRounded';
import StorefrontOutlined from '@mui/icons-material/StorefrontOutlined';
import TableRowsOutlined from '@mui/icons-material/TableRowsOutlined';
import TuneRounded from '@mui/icons-material/TuneRounded';
import ViewAgendaOutlined from '@mui/icons-material/ViewAgendaOutlined';
import type { LeadPreview, SavedSearch, SearchSort } from '@/api/types';
import { EmptyState } from '@/components/ui/empty-state';
import { LoadErrorAlert } from '@/components/ui/load-error-alert';
import { type Notice as BaseNotice, NoticeSnackbar } from '@/components/ui/notice-snackbar';
import { PageHeader } from '@/components/ui/page-header';
import { describeError, problemOf } from '@/lib/problem';
import { useDocumentTitle } from '@/lib/use-document-title';
import {
  useListSavedSearchesQuery,
  useSearchLeadsInfiniteQuery,
  useUpdateSavedSearchMutation,
} from '@/features/marketplace/api/marketplace-api';
import { ActiveFilters, activeFilters } from '@/features/marketplace/components/active-filters';
import { FilterPanel, FilterPanelHeader } from '@/features/marketplace/components/filter-panel';
import { LeadCard, LeadCardSkeleton } from '@/features/marketplace/components/lead-card';
import { LeadDrawer } from '@/features/marketplace/components/lead-drawer';
import { ResultsTable } from '@/features/marketplace/components/results-table';
import { SaveSearchDialog } from '@/features/marketplace/components/save-search-dialog';
import { SearchBox } from '@/features/marketplace/components/search-box';
import { useDebouncedField } from '@/features/marketplace/hooks/use-debounced-field';
import { highlightPattern } from '@/features/marketplace/utils/highlight';
import {
  formatCount,
  formatTotal,
  formatTotalHeading,
  SEARCH_FIELD_LABEL,
  SORT_OPTIONS,
  vendorName,
} from '@/features/marketplace/utils/labels';
import {
  hasFilters,
  onlySavedId,
  paramsOfSavedQuery,
  positiveInt,
  SAVED_PARAM,
  sameSearch,
  savedQueryOf,
  searchArgsOf,
  VIEW_PARAM,
} from '@/features/marketplace/utils/search-params';

type Notice = BaseNotice & { savedId?: number };

const SEARCH_DEBOUNCE_MS = 300;

/** A 422 names the parameters it refused; say which, in words, instead of showing nothing. */
function InvalidSearchAlert({ error, onReset }: { error: unknown; onReset: () => void }) {
  const problem = problemOf(error);
  const fieldErrors = problem?.errors ?? [];
  return (
    <Alert
      severity="warning"
      action={
        <Button color="inherit" size="small" onClick={onReset}>
          Reset the search
        </Button>
      }
    >
      <AlertTitle>This search has a filter that cannot be used</AlertTitle>
      {fieldErrors.length > 0 ? (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {fieldErrors.map((fieldError, index) => (
            <li key={`${fieldError.field}-${index}`}>
              <strong>{SEARCH_FIELD_LABEL[fieldError.field as keyof typeof SEARCH_FIELD_LABEL] ?? fieldError.field}:</strong>{' '}
              {fieldError.message.replace(/^Value error, /, '')}
            </li>
          ))}
        </Box>
      ) : (
        (problem?.detail ?? 'The server refused this search.')
      )}
    </Alert>
  );
}

function ResultsSkeleton({ view }: { view: 'cards' | 'table' }) {
  return (
    <Box aria-busy="true" aria-label="Loading leads" sx={{ display: 'grid', gap: 2 }}>
      {view === 'cards'
        ? [0, 1, 2, 3].map((key) => <LeadCardSkeleton key={key} />)
        : (
          <Card sx={{ p: 2 }}>
            {[0, 1, 2, 3, 4, 5].map((key) => (
              <Skeleton key={key} variant="rounded" height={40} sx={{ mb: 1 }} />
            ))}
          </Card>
        )}
    </Box>
  );
}

export function MarketplacePage() {
  useDocumentTitle('Marketplace');
  const theme = useTheme();
  const wide = useMediaQuery(theme.breakpoints.up('lg'), { noSsr: true });
  const [searchParams, setSearchParams] = useSearchParams();
  const args = useMemo(() => searchArgsOf(searchParams), [searchParams]);
  const view = searchParams.get(VIEW_PARAM) === 'table' ? 'table' : 'cards';
  const savedId = positiveInt(searchParams.get(SAVED_PARAM));

  const [selected, setSelected] = useState<LeadPreview | null>(null);
  // Kept apart from `selected` so the drawer keeps its content while it slides out.
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [saveOpen, setSaveOpen] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  // The vendor last asked for, to name its filter before (or without) results from it.
  const [pickedVendor, setPickedVendor] = useState<LeadPreview['vendor'] | null>(null);

  const update = useCallback(
    (changes: Record<string, string | null | undefined>) =>
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );

  const [text, setText, flushText] = useDebouncedField(args.q ?? '', (value) => update({ q: value.trim() ? value : null }), SEARCH_DEBOUNCE_MS);

  // Saved search: `?saved=<id>` alone (a notification's link) still has to be filled in with its query.
  const savedSearches = useListSavedSearchesQuery(undefined, { skip: savedId === null });
  const savedSearch: SavedSearch | null = savedSearches.data?.find((item) => item.id === savedId) ?? null;
  const savedQueryParams = useMemo(() => (savedSearch ? paramsOfSavedQuery(savedSearch.query) : null), [savedSearch]);
  const awaitingSaved = savedId !== null && onlySavedId(searchParams);
  const savedHasQuery = savedQueryParams !== null && savedQueryParams.toString() !== '';
  // Until the query is in the URL, searching would flash every lead first.
  const applyingSaved = awaitingSaved && (savedSearches.isLoading || savedHasQuery);

  useEffect(() => {
    if (!awaitingSaved || savedSearch === null || savedQueryParams === null || !savedHasQuery) return;
    const next = new URLSearchParams(savedQueryParams);
    next.set(SAVED_PARAM, String(savedSearch.id));
    if (view === 'table') next.set(VIEW_PARAM, view);
    setSearchParams(next, { replace: true });
  }, [awaitingSaved, savedSearch, savedQueryParams, savedHasQuery, view, setSearchParams]);

  const [updateSavedSearch, { isLoading: updatingSaved }] = useUpdateSavedSearchMutation();
  const savedModified = savedQueryParams !== null && !applyingSaved && !sameSearch(args, searchArgsOf(savedQueryParams));

  const {
    data,
    error,
    isLoading,
    isFetching,
    isFetchingNextPage,
    isFetchNextPageError,
    hasNextPage,
    fetchNextPage,
    refetch,
  } = useSearchLeadsInfiniteQuery(args, { skip: applyingSaved });

  const firstPage = data?.pages[0];
  const leads = useMemo(() => data?.pages.flatMap((page) => page.data) ?? [], [data]);
  const facets = firstPage?.facets ?? [];
  const currency = leads[0]?.currency ?? 'USD';
  const refused = error !== undefined && describeError(error).status === 422;
  const pageError = error && !isFetchNextPageError ? error : undefined;
  const filtered = hasFilters(args);
  const vendorId = positiveInt(args.vendor_id);
  const vendorLabel =
    vendorId !== null
      ? (leads.find((lead) => lead.vendor.id === vendorId)?.vendor ?? (pickedVendor?.id === vendorId ? pickedVendor : undefined))
      : undefined;
  const chips = activeFilters(args, currency, vendorLabel ? vendorName(vendorLabel) : undefined);
  const loading = isLoading || applyingSaved;
  const showResults = !pageError && leads.length > 0;
  const highlight = useMemo(() => highlightPattern(args.q), [args.q]);

  // The URL's sort while it is valid (relevance needs search text), else the one the server applied.
  const urlSort = SORT_OPTIONS.find((option) => option.value === args.sort)?.value ?? null;
  const sortValue: SearchSort =
    urlSort && (urlSort !== 'relevance' || args.q?.trim()) ? urlSort : (firstPage?.sort ?? (args.q?.trim() ? 'relevance' : 'newest'));

  function clearFilters() {
    setText('');
    setSearchParams(view === 'table' ? { [VIEW_PARAM]: view } : {}, { replace: true });
  }

  function openLead(lead: LeadPreview) {
    setSelected(lead);
    setDrawerOpen(true);
  }

  function filterByVendor(vendor: LeadPreview['vendor']) {
    setPickedVendor(vendor);
    setDrawerOpen(false);
    update({ vendor_id: String(vendor.id) });
  }

  function handleSaved(saved: SavedSearch) {
    setSaveOpen(false);
    update({ [SAVED_PARAM]: String(saved.id) });
    setNotice({
      severity: 'success',
      savedId: saved.id,
      message: saved.alert
        ? `Saved “${saved.name}”. You will be notified of new matching leads.`
        : `Saved “${saved.name}”.`,
    });
  }

  async function saveChanges() {
    if (!savedSearch) return;
    try {
      await updateSavedSearch({ id: savedSearch.id, changes: { query: savedQueryOf(args) } }).unwrap();
      setNotice({ severity: 'success', message: `Updated “${savedSearch.name}” with these filters.` });
    } catch (err) {
      setNotice({ severity: 'error', message: describeError(err).message ?? 'Could not update the saved search.' });
    }
  }

  const filterPanel = <FilterPanel args={args} facets={facets} currency={currency} onChange={update} />;

  return (
    <Box>
      <PageHeader
        title="Marketplace"
        subtitle="Reviewed B2B leads, scored and validated. Contact details unlock once you buy a lead."
        actions={
          <Box sx={{ display: 'flex', gap: 1 }}>
            <Button component={RouterLink} to="/client/saved-searches" startIcon={<BookmarkOutlined />}>
              Saved searches
            </Button>
            <Button
              variant="contained"
              startIcon={<BookmarkAddOutlined />}
              onClick={() => setSaveOpen(true)}
              disabled={refused || applyingSaved}
            >
              Save search
            </Button>
          </Box>
        }
      />

      {savedId !== null && savedSearch ? (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, mb: 2 }}>
          <Chip
            icon={<BookmarkOutlined />}
            color="primary"
            label={`Saved search: ${savedSearch.name}${savedModified ? ' (changed)' : ''}`}
            onDelete={() => update({ [SAVED_PARAM]: null })}
          />
          {savedModified ? (
            <Button size="small" onClick={() => void saveChanges()} disabled={updatingSaved}>
              {updatingSaved ? 'Saving…' : `Update “${savedSearch.name}” with these filters`}
            </Button>
          ) : null}
        </Box>
      ) : null}
      {savedId !== null && savedSearches.data && !savedSearch ? (
        <Alert severity="info" sx={{ mb: 2 }} onClose={() => update({ [SAVED_PARAM]: null })}>
          This saved search no longer exists: it may have been deleted. Showing the search without it.
        </Alert>
      ) : null}
      {savedId !== null && savedSearches.error ? (
        <LoadErrorAlert
          message={describeError(savedSearches.error).message ?? 'Your saved search could not be loaded.'}
          onRetry={savedSearches.refetch}
          sx={{ mb: 2 }}
        />
      ) : null}

      <Box sx={{ mb: 3 }}>
        <SearchBox value={text} onChange={setText} onSubmit={flushText} />
      </Box>

      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '272px minmax(0, 1fr)' }, gap: 3, alignItems: 'start' }}>
        {wide ? (
          <Card component="aside" aria-label="Filters" sx={{ p: 2.5 }}>
            <FilterPanelHeader count={chips.length} onClear={clearFilters} />
            {filterPanel}
          </Card>
        ) : null}

        <Box component="section" aria-label="Results" sx={{ minWidth: 0 }}>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1.5, mb: 1.5 }}>
            <Typography variant="h6" component="p" aria-live="polite" sx={{ mr: 'auto' }}>
              {loading ? <Skeleton width={120} /> : firstPage && !pageError ? formatTotalHeading(firstPage.total) : ''}
            </Typography>
            {!wide ? (
              <Badge badgeContent={chips.length} color="primary">
                <Button variant="outlined" startIcon={<TuneRounded />} onClick={() => setFiltersOpen(true)}>
                  Filters
                </Button>
              </Badge>
            ) : null}
            <TextField
              select
              size="small"
              label="Sort"
              value={sortValue}
              onChange={(event) => update({ sort: event.target.value })}
              sx={{ width: 200 }}
            >
              {SORT_OPTIONS.map((option) => (
                <MenuItem key={option.value} value={option.value} disabled={option.value === 'relevance' && !args.q}>
                  {option.label}
                </MenuItem>
              ))}
            </TextField>
            <ToggleButtonGroup
              size="small"
              exclusive
              value={view}
              onChange={(_event, value: 'cards' | 'table' | null) => {
                if (value) update({ [VIEW_PARAM]: value === 'table' ? 'table' : null });
              }}
              aria-label="Result layout"
            >
              <ToggleButton value="cards" aria-label="Cards">
                <Tooltip title="Cards">
                  <ViewAgendaOutlined fontSize="small" />
                </Tooltip>
              </ToggleButton>
              <ToggleButton value="table" aria-label="Table">
                <Tooltip title="Dense table">
                  <TableRowsOutlined fontSize="small" />
                </Tooltip>
              </ToggleButton>
            </ToggleButtonGroup>
          </Box>

          {chips.length > 0 ? (
            <Box sx={{ mb: 1.5 }}>
              <ActiveFilters filters={chips} onChange={update} onClear={clearFilters} />
            </Box>
          ) : null}

          <Box sx={{ height: 4, mb: 1 }}>{isFetching && !loading && !isFetchingNextPage ? <LinearProgress /> : null}</Box>

          {pageError ? (
            refused ? (
              <InvalidSearchAlert error={pageError} onReset={clearFilters} />
            ) : (
              <LoadErrorAlert message={describeError(pageError).message} onRetry={refetch} />
            )
          ) : null}

          {loading && !pageError ? <ResultsSkeleton view={view} /> : null}

          {!loading && !error && firstPage && leads.length === 0 ? (
            filtered ? (
              <EmptyState
                icon={<SearchOffRounded />}
                title="No leads match"
                description="Try removing a filter, or search with fewer or broader words."
                action={
                  <Button variant="outlined" onClick={clearFilters}>
                    Clear filters
                  </Button>
                }
              />
            ) : (
              <EmptyState
                icon={<StorefrontOutlined />}
                title="No leads on the marketplace yet"
                description="Leads appear here as soon as reviewers approve them. Save a search to be told when new ones arrive."
              />
            )
          ) : null}

          {showResults ? (
            <Box sx={{ opacity: isFetching && !isFetchingNextPage ? 0.6 : 1, transition: 'opacity 150ms' }}>
              {view === 'cards' ? (
                <Box component="section" aria-label="Search results" sx={{ display: 'grid', gap: 2 }}>
                  {leads.map((lead) => (
                    <LeadCard
                      key={lead.id}
                      lead={lead}
                      selected={drawerOpen && selected?.id === lead.id}
                      onOpen={openLead}
                      highlight={highlight}
                      onVendor={filterByVendor}
                    />
                  ))}
                </Box>
              ) : (
                <Card>
                  <ResultsTable
                    leads={leads}
                    selectedId={drawerOpen ? (selected?.id ?? null) : null}
                    onOpen={openLead}
                    highlight={highlight}
                    onVendor={filterByVendor}
                  />
                </Card>
              )}
            </Box>
          ) : null}

          {error && isFetchNextPageError ? (
            <LoadErrorAlert message={describeError(error).message} onRetry={() => fetchNextPage()} sx={{ mt: 2 }} />
          ) : null}

          {showResults ? (
            <Box sx={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: 2, py: 2.5 }}>
              <Typography variant="body2" color="text.secondary">
                Showing {formatCount(leads.length)} of {firstPage ? formatTotal(firstPage.total) : ''}
              </Typography>
              {hasNextPage ? (
                <Button variant="outlined" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
                  {isFetchingNextPage ? 'Loading…' : 'Load more'}
                </Button>
              ) : null}
            </Box>
          ) : null}
        </Box>
      </Box>

      {!wide ? (
        <Drawer
          anchor="left"
          open={filtersOpen}
          onClose={() => setFiltersOpen(false)}
          sx={(t) => ({ zIndex: t.zIndex.modal })}
          slotProps={{ paper: { sx: { width: { xs: '100%', sm: 360 } }, role: 'dialog', 'aria-label': 'Filters' } }}
        >
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 2.5, pt: 2 }}>
            <Box sx={{ flex: 1 }}>
              <FilterPanelHeader count={chips.length} onClear={clearFilters} />
            </Box>
            <IconButton aria-label="Close filters" onClick={() => setFiltersOpen(false)} sx={{ mb: 2 }}>
              <CloseRounded />
            </IconButton>
          </Box>
          <Box sx={{ px: 2.5, pb: 2, overflowY: 'auto', flex: 1 }}>{filterPanel}</Box>
          <Box sx={{ p: 2, borderTop: 1, borderColor: 'divider' }}>
            <Button fullWidth variant="contained" onClick={() => setFiltersOpen(false)}>
              {firstPage ? `Show ${formatTotal(firstPage.total)}` : 'Show results'}
            </Button>
          </Box>
        </Drawer>
      ) : null}

      <LeadDrawer
        open={drawerOpen}
        leadId={selected?.id ?? null}
        placeholder={selected}
        onClose={() => setDrawerOpen(false)}
        onOpenLead={openLead}
        onVendor={filterByVendor}
      />
      {saveOpen ? (
        <SaveSearchDialog open query={savedQueryOf(args)} onClose={() => setSaveOpen(false)} onSaved={handleSaved} />
      ) : null}
      <NoticeSnackbar
        notice={notice}
        onClose={() => setNotice(null)}
        autoHideDuration={notice?.severity === 'error' ? 8000 : 5000}
        action={
          notice?.savedId !== undefined ? (
            <Button color="inherit" size="small" component={RouterLink} to="/client/saved-searches">
              Manage
            </Button>
          ) : undefined
        }
      />
    </Box>
  );
}
