import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { signedInAs } from '@/testing/fixtures';
import { json, mockApi, problem } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';
import { makeSavedSearch } from '@/features/marketplace/testing/fixtures';

describe('Saved searches', () => {
  it('lists saved searches, opens one in the marketplace, switches its alert, renames and deletes it', async () => {
    let searches = [
      makeSavedSearch({ id: 7, name: 'German software', last_alert_at: '2026-11-20T10:00:00Z' }),
      makeSavedSearch({
        id: 8,
        name: 'Exclusive C-level',
        alert: false,
        query: { q: 'cfo', seniority: ['C-level'], exclusivity: ['exclusive'], validation: 'email_and_phone' },
      }),
    ];
    const mock = mockApi({
      'GET /api/saved-searches': () => json(200, { data: searches }),
      'PATCH /api/saved-searches/7': (request) => {
        const body = request.body as { name?: string; alert?: boolean };
        if (body.name === 'Exclusive C-level') {
          return problem(409, { code: 'name_taken', detail: 'You already have a saved search with this name.' });
        }
        searches = searches.map((item) => (item.id === 7 ? { ...item, ...body } : item));
        return json(200, searches[0]);
      },
      'DELETE /api/saved-searches/8': () => {
        searches = searches.filter((item) => item.id !== 8);
        return json(204, null);
      },
    });
    const { user } = renderApp('/client/saved-searches', { preloadedState: signedInAs('client') });

    const list = await screen.findByRole('list', { name: 'Saved searches' });
    const german = within(list).getByRole('listitem', { name: 'German software' });
    expect(german).toHaveTextContent('Software · Germany · Score ≥ 0.70');
    expect(within(german).getByRole('link', { name: 'Open' })).toHaveAttribute(
      'href',
      '/client/marketplace?industry=Software&country=DE&min_score=0.7&saved=7',
    );
    const exclusive = within(list).getByRole('listitem', { name: 'Exclusive C-level' });
    expect(exclusive).toHaveTextContent('“cfo” · C-level · Exclusive · Email and phone verified');
    expect(within(exclusive).getByRole('switch', { name: 'Alerts for Exclusive C-level' })).not.toBeChecked();

    await user.click(within(german).getByRole('switch', { name: 'Alerts for German software' }));
    await waitFor(() => expect(mock.callsTo('PATCH', '/api/saved-searches/7')[0]?.body).toEqual({ alert: false }));
    expect(within(german).getByRole('switch', { name: 'Alerts for German software' })).not.toBeChecked();

    await user.click(within(german).getByRole('button', { name: 'Rename German software' }));
    const rename = await screen.findByRole('dialog', { name: 'Rename saved search' });
    const name = within(rename).getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'Exclusive C-level');
    await user.click(within(rename).getByRole('button', { name: 'Rename' }));
    expect(await within(rename).findByText('You already have a saved search with this name.')).toBeInTheDocument();
    await user.clear(name);
    await user.type(name, 'DACH software');
    await user.click(within(rename).getByRole('button', { name: 'Rename' }));
    expect(await within(list).findByRole('listitem', { name: 'DACH software' })).toBeInTheDocument();

    await user.click(within(exclusive).getByRole('button', { name: 'Delete Exclusive C-level' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete this saved search?' });
    expect(mock.callsTo('DELETE', '/api/saved-searches/8')).toHaveLength(0);
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(within(list).queryByRole('listitem', { name: 'Exclusive C-level' })).not.toBeInTheDocument());
    expect(mock.callsTo('DELETE', '/api/saved-searches/8')).toHaveLength(1);
  });

  it('explains how to save a search when there is none', async () => {
    mockApi({ 'GET /api/saved-searches': () => json(200, { data: [] }) });
    renderApp('/client/saved-searches', { preloadedState: signedInAs('client') });

    expect(await screen.findByText('No saved searches yet')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Browse the marketplace' })).toHaveAttribute('href', '/client/marketplace');
  });

  it('does not repeat the filters under a search that is named after them', async () => {
    mockApi({
      'GET /api/saved-searches': () =>
        json(200, { data: [makeSavedSearch({ name: 'Retail', query: { industry: ['Retail'] } })] }),
    });
    renderApp('/client/saved-searches', { preloadedState: signedInAs('client') });

    const item = await screen.findByRole('listitem', { name: 'Retail' });
    expect(within(item).getAllByText('Retail')).toHaveLength(1);
  });
});
