import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { signedInAs } from '@/testing/fixtures';
import { json, mockApi, problem } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';
import {
  makeFacets,
  makeLeadDetail,
  makeLeadPreview,
  makeSavedSearch,
  makeSearchResults,
} from '@/features/marketplace/testing/fixtures';

const asClient = () => ({ preloadedState: signedInAs('client') });

function searchCalls(mock: ReturnType<typeof mockApi>) {
  return mock.callsTo('GET', '/api/leads').map((call) => call.url.searchParams);
}

describe('Marketplace', () => {
  it('renders results and facet counts, and loads more with the cursor', async () => {
    const first = makeLeadPreview({ id: 1, title: 'Head of Sales · Software · Bavaria, DE' });
    const second = makeLeadPreview({ id: 2, title: 'CFO · Banking · Paris, FR', max_sales: 1, sales_count: 0, owned: true });
    const third = makeLeadPreview({ id: 3, title: 'CTO · Software · Lyon, FR', already_have_contact: true });
    const mock = mockApi({
      'GET /api/leads': (request) =>
        request.url.searchParams.get('cursor') === 'c2'
          ? json(200, makeSearchResults({ data: [third], facets: [] }))
          : json(
              200,
              makeSearchResults({
                data: [first, second],
                next_cursor: 'c2',
                has_more: true,
                facets: makeFacets({
                  department: { name: 'department', exact: false, values: [{ value: 'Sales', count: 120 }] },
                }),
              }),
            ),
    });
    const { user } = renderApp('/client/marketplace', asClient());

    const results = await screen.findByRole('region', { name: 'Search results' });
    expect(screen.getByText('2,418 leads')).toBeInTheDocument();
    const card = within(results).getByRole('article', { name: first.title });
    expect(within(card).getByText('$42.00')).toBeInTheDocument();
    expect(within(card).getByText('2 of 3 left')).toBeInTheDocument();
    expect(within(card).getByText('Score 0.84')).toBeInTheDocument();
    expect(within(card).getByLabelText('Email verified')).toBeInTheDocument();
    expect(within(card).getByLabelText('Phone not verified')).toBeInTheDocument();
    expect(within(card).getByText('Contoso Leads')).toBeInTheDocument();
    expect(within(card).getByText(/96% of leads approved/)).toBeInTheDocument();
    expect(within(card).getByText('Munich, Bavaria, Germany')).toBeInTheDocument();
    const exclusive = within(results).getByRole('article', { name: second.title });
    expect(within(exclusive).getByText('Exclusive')).toBeInTheDocument();
    expect(within(exclusive).getByText('Owned')).toBeInTheDocument();

    const industry = screen.getByRole('group', { name: 'Industry' });
    expect(within(industry).getByRole('checkbox', { name: /^Software/ })).not.toBeChecked();
    expect(within(industry).getByText('277')).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'Country' })).getByRole('checkbox', { name: /^Germany/ })).toBeInTheDocument();
    // Counts from a sample are lower bounds.
    expect(within(screen.getByRole('group', { name: 'Department' })).getByText('120+')).toBeInTheDocument();
    // Seniority follows the vocabulary's order, not the counts.
    const seniority = within(screen.getByRole('group', { name: 'Seniority' })).getAllByRole('checkbox');
    expect(seniority.map((box) => box.closest('label')?.textContent)).toEqual(['C-level427', 'Manager717']);

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    const more = await within(results).findByRole('article', { name: third.title });
    expect(within(more).getByText('You may already have this contact')).toBeInTheDocument();
    const next = searchCalls(mock).find((params) => params.get('cursor') === 'c2');
    expect(next?.get('facets')).toBe('false');
    expect(screen.getByText('Showing 3 of 2,418 leads')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('shows the estimate past the counting cap, and a lower bound without one', async () => {
    let total: { value: number; exact: boolean; estimate?: number | null } = { value: 1000, exact: false, estimate: 94000 };
    mockApi({ 'GET /api/leads': () => json(200, makeSearchResults({ total })) });
    const first = renderApp('/client/marketplace', asClient());
    expect(await screen.findByText('About 94,000 leads')).toBeInTheDocument();
    expect(screen.getByText('Showing 1 of about 94,000 leads')).toBeInTheDocument();
    first.unmount();

    total = { value: 1000, exact: false, estimate: null };
    renderApp('/client/marketplace?q=manager', asClient());
    expect(await screen.findByText('1,000+ leads')).toBeInTheDocument();
  });

  it('searches as you type, once the typing pauses, and keeps the text in the URL', async () => {
    const mock = mockApi({
      'GET /api/leads': (request) =>
        json(
          200,
          makeSearchResults({
            sort: request.url.searchParams.get('q') ? 'relevance' : 'newest',
            data: request.url.searchParams.get('q') ? [makeLeadPreview({ id: 9, title: 'CFO · Banking · Berlin, DE' })] : [makeLeadPreview()],
          }),
        ),
    });
    const { user, router } = renderApp('/client/marketplace', asClient());
    await screen.findByRole('region', { name: 'Search results' });

    const box = screen.getByRole('searchbox', { name: 'Search leads' });
    await user.type(box, '"');
    // Not on the key stroke itself: the URL and the search wait for a pause in the typing.
    expect(router.state.location.search).toBe('');
    await user.type(box, 'head of sales" -intern');

    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('q')).toBe('"head of sales" -intern'));
    expect(await screen.findByRole('article', { name: 'CFO · Banking · Berlin, DE' })).toBeInTheDocument();
    const searched = searchCalls(mock).filter((params) => params.has('q'));
    expect(searched.length).toBeLessThan(5);
    expect(searched.at(-1)?.get('q')).toBe('"head of sales" -intern');
    expect(screen.getByRole('combobox', { name: 'Sort' })).toHaveTextContent('Best match');
  });

  it('adds a selected facet value to the query and keeps the others selectable', async () => {
    const mock = mockApi({
      'GET /api/leads': () => json(200, makeSearchResults()),
    });
    const { user, router } = renderApp('/client/marketplace?industry=Software', asClient());
    await screen.findByRole('region', { name: 'Search results' });
    expect(searchCalls(mock)[0]?.get('industry')).toBe('Software');

    const industry = screen.getByRole('group', { name: 'Industry' });
    expect(within(industry).getByRole('checkbox', { name: /^Software/ })).toBeChecked();
    await user.click(within(industry).getByRole('checkbox', { name: /^Banking/ }));

    await waitFor(() => expect(searchCalls(mock).some((params) => params.get('industry') === 'Software,Banking')).toBe(true));
    expect(new URLSearchParams(router.state.location.search).get('industry')).toBe('Software,Banking');
    expect(within(screen.getByRole('list', { name: 'Active filters' })).getByText('Banking')).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: /^Germany/ }));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('country')).toBe('DE'));
  });

  it('says "10,000+" when the server stopped counting, and shows selected values without matches', async () => {
    mockApi({
      'GET /api/leads': () =>
        json(200, makeSearchResults({ total: { value: 10000, exact: false }, has_more: true, next_cursor: 'c2' })),
    });
    renderApp('/client/marketplace?seniority=VP', asClient());

    expect(await screen.findByText('10,000+ leads')).toBeInTheDocument();
    const vp = within(screen.getByRole('group', { name: 'Seniority' })).getByRole('checkbox', { name: /^VP/ });
    expect(vp).toBeChecked();
    expect(vp.closest('label')).toHaveTextContent('VP0');
  });

  it('shows a deliberate empty state with a way out', async () => {
    mockApi({
      'GET /api/leads': (request) =>
        json(200, makeSearchResults(request.url.searchParams.get('q') ? { data: [], total: { value: 0, exact: true } } : {})),
    });
    const { user, router } = renderApp('/client/marketplace?q=zebra', asClient());

    expect(await screen.findByText('No leads match')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByRole('region', { name: 'Search results' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('');
    expect(screen.getByRole('searchbox', { name: 'Search leads' })).toHaveValue('');
  });

  it("shows the server's field messages for a hand-edited URL it refuses", async () => {
    mockApi({
      'GET /api/leads': () =>
        problem(422, {
          code: 'validation_failed',
          detail: "min_score: Input should be a valid number, unable to parse string as a number",
          errors: [{ field: 'min_score', code: 'float_parsing', message: 'Input should be a valid number, unable to parse string as a number' }],
        }),
    });
    const { user, router } = renderApp('/client/marketplace?min_score=high', asClient());

    const alert = await screen.findByText('This search has a filter that cannot be used');
    expect(alert.closest('[role="alert"]')).toHaveTextContent('Minimum score: Input should be a valid number');
    expect(screen.getByRole('button', { name: 'Save search' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Reset the search' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('opens a lead in a drawer: contact hidden before purchase, similar leads open in place', async () => {
    const lead = makeLeadPreview();
    const similar = makeLeadPreview({ id: 2102, title: 'VP Sales · Software · Berlin, DE' });
    mockApi({
      'GET /api/leads': () => json(200, makeSearchResults({ data: [lead] })),
      [`GET /api/leads/${lead.id}`]: () => json(200, makeLeadDetail({ similar: [similar] })),
      [`GET /api/leads/${similar.id}`]: () =>
        json(
          200,
          makeLeadDetail({
            ...similar,
            owned: true,
            similar: [],
            contact: {
              first_name: 'Vera',
              last_name: 'Lang',
              email: 'vera.lang@example.de',
              phone: '+49 30 1234567',
              company_name: 'Lang Software GmbH',
              website: 'lang-software.de',
              linkedin_url: 'https://www.linkedin.com/in/veralang',
            },
          }),
        ),
    });
    const { user } = renderApp('/client/marketplace', asClient());

    await user.click(await screen.findByRole('button', { name: lead.title }));
    const drawer = await screen.findByRole('dialog', { name: 'Lead details' });
    expect(await within(drawer).findByText('Contact details are shown after purchase')).toBeInTheDocument();
    expect(within(drawer).queryByRole('link', { name: /@/ })).not.toBeInTheDocument();
    expect(within(drawer).getByRole('link', { name: 'Open as a page' })).toHaveAttribute('href', `/client/leads/${lead.id}`);

    const stages = within(drawer).getByRole('list', { name: 'Validation stages' });
    expect(within(stages).getAllByRole('listitem').map((item) => item.getAttribute('aria-label'))).toEqual([
      'Required fields: Passed',
      'Validity: Warning',
      'Risk: Warning',
      'Deliverability: Not checked',
      'Suppression list: Passed',
    ]);
    expect(within(stages).getByText('Phone number invalid, removed')).toBeInTheDocument();
    expect(within(stages).getByText('Free-mail address')).toBeInTheDocument();
    const breakdown = within(drawer).getByRole('list', { name: 'Score breakdown' });
    expect(within(breakdown).getByRole('listitem', { name: 'Risk' })).toHaveTextContent('Risk flags: Free-mail address');
    expect(within(drawer).getByText('Shared by up to 3 buyers: sold 1 time, 2 left.')).toBeInTheDocument();

    await user.click(within(within(drawer).getByRole('list', { name: 'Similar leads' })).getByRole('button', { name: /VP Sales/ }));
    expect(await within(drawer).findByText('Vera Lang')).toBeInTheDocument();
    const contact = within(drawer).getByRole('region', { name: 'Contact' });
    expect(within(contact).getByRole('link', { name: 'vera.lang@example.de' })).toHaveAttribute('href', 'mailto:vera.lang@example.de');
    expect(within(contact).getByRole('link', { name: 'linkedin.com/in/veralang' })).toBeInTheDocument();
    expect(within(drawer).queryByText('Contact details are shown after purchase')).not.toBeInTheDocument();
    expect(within(drawer).getByText('Owned')).toBeInTheDocument();
  });

  it('saves the search, showing a name clash under the name field', async () => {
    const mock = mockApi({
      'GET /api/leads': () => json(200, makeSearchResults()),
      'GET /api/saved-searches': () => json(200, { data: [makeSavedSearch({ id: 12, name: 'Munich software', query: { industry: ['Software'], country: ['DE'], min_score: 0.7 } })] }),
      'POST /api/saved-searches': (request) => {
        const body = request.body as { name: string; alert: boolean };
        if (body.name === 'German software') {
          return problem(409, { code: 'name_taken', detail: 'You already have a saved search with this name.' });
        }
        return json(201, makeSavedSearch({ id: 12, name: body.name, alert: body.alert }));
      },
    });
    const { user, router } = renderApp('/client/marketplace?industry=Software&country=DE&min_score=0.7', asClient());
    await screen.findByRole('region', { name: 'Search results' });

    await user.click(screen.getByRole('button', { name: 'Save search' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save this search' });
    expect(within(dialog).getByText('Software · Germany · Score ≥ 0.70')).toBeInTheDocument();
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    expect(name).toHaveValue('Software · Germany · Score ≥ 0.70');
    await user.clear(name);
    await user.type(name, 'German software');
    await user.click(within(dialog).getByRole('button', { name: 'Save search' }));

    expect(await within(dialog).findByText('You already have a saved search with this name.')).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(mock.callsTo('POST', '/api/saved-searches')[0]?.body).toEqual({
      name: 'German software',
      query: { industry: ['Software'], country: ['DE'], min_score: 0.7 },
      alert: true,
    });

    await user.clear(name);
    await user.type(name, 'Munich software');
    await user.click(within(dialog).getByRole('switch', { name: 'Alert me about new matching leads' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save search' }));

    await waitFor(() => expect(mock.callsTo('POST', '/api/saved-searches')).toHaveLength(2));
    expect(await screen.findByText('Saved “Munich software”.')).toBeInTheDocument();
    expect(mock.callsTo('POST', '/api/saved-searches')[1]?.body).toMatchObject({ name: 'Munich software', alert: false });
    expect(new URLSearchParams(router.state.location.search).get('saved')).toBe('12');
    expect(await screen.findByText('Saved search: Munich software')).toBeInTheDocument();
  });

  it("applies a saved search's query from a notification's ?saved= link", async () => {
    const saved = makeSavedSearch({ id: 7, name: 'German software', query: { industry: ['Software', 'Banking'], country: ['DE'], min_score: 0.7 } });
    const mock = mockApi({
      'GET /api/saved-searches': () => json(200, { data: [saved] }),
      'GET /api/leads': () => json(200, makeSearchResults()),
    });
    const { router } = renderApp('/client/marketplace?saved=7', asClient());

    expect(await screen.findByText('Saved search: German software')).toBeInTheDocument();
    await screen.findByRole('region', { name: 'Search results' });
    const params = new URLSearchParams(router.state.location.search);
    expect(params.get('industry')).toBe('Software,Banking');
    expect(params.get('min_score')).toBe('0.7');
    // The unfiltered marketplace was never fetched on the way.
    const calls = searchCalls(mock);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((call) => call.get('industry') === 'Software,Banking' && call.get('country') === 'DE')).toBe(true);
    expect(screen.getByRole('checkbox', { name: /^Banking/ })).toBeChecked();
  });

  it('marks the search words in the cards and in the table, but not the excluded ones', async () => {
    const lead = makeLeadPreview({
      title: 'Head of Sales · Software · Bavaria, DE',
      job_title: 'Sales Director EMEA',
      description: 'Decides on CRM tooling for a 40-person salesforce; no interns.',
    });
    mockApi({ 'GET /api/leads': () => json(200, makeSearchResults({ data: [lead], sort: 'relevance' })) });
    const { user } = renderApp(`/client/marketplace?${new URLSearchParams({ q: '"head of" sales* -crm' })}`, asClient());

    const card = await screen.findByRole('article', { name: lead.title });
    const marks = (element: HTMLElement) => [...element.querySelectorAll('mark')].map((mark) => mark.textContent);
    expect(marks(within(card).getByRole('button', { name: lead.title }))).toEqual(['Head of', 'Sales']);
    expect(marks(within(card).getByText(/Director EMEA/))).toEqual(['Sales']);
    // "sales" marks the word it begins; the excluded "crm" stays plain.
    expect(marks(within(card).getByText(/Decides on/))).toEqual(['salesforce']);
    expect(within(card).getByText(/Decides on/)).toHaveTextContent(lead.description ?? '');

    await user.click(screen.getByRole('button', { name: 'Table' }));
    const row = await screen.findByRole('row', { name: `Open lead ${lead.title}` });
    expect(marks(row)).toEqual(['Head of', 'Sales', 'Sales']);
  });

  it('marks nothing without search words', async () => {
    mockApi({ 'GET /api/leads': () => json(200, makeSearchResults()) });
    renderApp('/client/marketplace', asClient());
    const results = await screen.findByRole('region', { name: 'Search results' });
    expect(results.querySelector('mark')).toBeNull();
  });

  it('filters on a typed city and region once the typing pauses, and clears them with the chips', async () => {
    const mock = mockApi({ 'GET /api/leads': () => json(200, makeSearchResults()) });
    const { user, router } = renderApp('/client/marketplace', asClient());
    await screen.findByRole('region', { name: 'Search results' });

    const location = screen.getByRole('group', { name: 'Location' });
    const city = within(location).getByRole('textbox', { name: 'City' });
    await user.type(city, 'San ');
    await waitFor(() => expect(searchCalls(mock).at(-1)?.get('city')).toBe('San'));
    expect(new URLSearchParams(router.state.location.search).get('city')).toBe('San');
    // The URL keeps it trimmed; the space being typed stays in the field.
    expect(city).toHaveValue('San ');
    await user.type(city, 'Francisco');
    await user.type(within(location).getByRole('textbox', { name: 'Region' }), 'California{Enter}');

    await waitFor(() => expect(router.state.location.search).toBe('?city=San+Francisco&region=California'));
    await waitFor(() =>
      expect(searchCalls(mock).some((params) => params.get('city') === 'San Francisco' && params.get('region') === 'California')).toBe(true),
    );
    const chips = screen.getByRole('list', { name: 'Active filters' });
    expect(within(chips).getByText('City: San Francisco')).toBeInTheDocument();

    await user.click(within(within(chips).getByRole('button', { name: 'City: San Francisco' })).getByTestId('CancelIcon'));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).has('city')).toBe(false));
    expect(city).toHaveValue('');
    expect(within(location).getByRole('textbox', { name: 'Region' })).toHaveValue('California');

    await user.click(within(chips).getByRole('button', { name: 'Clear all' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(within(location).getByRole('textbox', { name: 'Region' })).toHaveValue('');
  });

  it("narrows the search to a result's vendor, naming it in the filter chip", async () => {
    const contoso = makeLeadPreview({ id: 1, title: 'Head of Sales · Software · Bavaria, DE' });
    const fabrikam = makeLeadPreview({
      id: 2,
      title: 'CFO · Banking · Paris, FR',
      vendor: { id: 12, name: 'Frank Fabrikam', company: null, approval_rate: null },
    });
    const mock = mockApi({
      'GET /api/leads': (request) =>
        json(
          200,
          request.url.searchParams.get('vendor_id') === '12'
            ? makeSearchResults({ data: [fabrikam], total: { value: 1, exact: true } })
            : makeSearchResults({ data: [contoso, fabrikam] }),
        ),
      [`GET /api/leads/${contoso.id}`]: () => json(200, makeLeadDetail({ ...contoso, similar: [] })),
    });
    const { user, router } = renderApp('/client/marketplace?industry=Banking', asClient());

    const card = await screen.findByRole('article', { name: fabrikam.title });
    await user.click(within(card).getByRole('button', { name: 'More from Frank Fabrikam' }));

    await waitFor(() => expect(searchCalls(mock).some((params) => params.get('vendor_id') === '12')).toBe(true));
    // Added to the search, not instead of it.
    expect(searchCalls(mock).at(-1)?.get('industry')).toBe('Banking');
    expect(new URLSearchParams(router.state.location.search).get('vendor_id')).toBe('12');
    expect(await screen.findByText('1 lead')).toBeInTheDocument();
    const chips = screen.getByRole('list', { name: 'Active filters' });
    expect(within(chips).getByText('Vendor: Frank Fabrikam')).toBeInTheDocument();
    // The card's click opens the lead; the vendor link does not.
    expect(screen.queryByRole('dialog', { name: 'Lead details' })).not.toBeInTheDocument();
  });

  it("narrows the search to the vendor from the lead's drawer, and names an unknown vendor by its id", async () => {
    const lead = makeLeadPreview();
    const mock = mockApi({
      'GET /api/leads': (request) =>
        json(200, request.url.searchParams.has('vendor_id') ? makeSearchResults({ data: [], total: { value: 0, exact: true } }) : makeSearchResults({ data: [lead] })),
      [`GET /api/leads/${lead.id}`]: () => json(200, makeLeadDetail({ similar: [] })),
    });
    const { user, router } = renderApp('/client/marketplace', asClient());

    await user.click(await screen.findByRole('button', { name: lead.title }));
    const drawer = await screen.findByRole('dialog', { name: 'Lead details' });
    await user.click(await within(drawer).findByRole('button', { name: 'More from this vendor' }));

    await waitFor(() => expect(searchCalls(mock).at(-1)?.get('vendor_id')).toBe(String(lead.vendor.id)));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Lead details' })).not.toBeInTheDocument());
    expect(await screen.findByText('No leads match')).toBeInTheDocument();
    // No result names the vendor, but it was picked from a lead that did.
    expect(within(screen.getByRole('list', { name: 'Active filters' })).getByText('Vendor: Contoso Leads')).toBeInTheDocument();

    // A hand-typed vendor id nobody named is shown as it is.
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    await router.navigate('/client/marketplace?vendor_id=99');
    expect(await within(await screen.findByRole('list', { name: 'Active filters' })).findByText('Vendor: #99')).toBeInTheDocument();
  });
});
