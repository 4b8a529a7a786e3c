import { A, createAsync } from '@solidjs/router';
import { createMemo, createUniqueId, For, Show } from 'solid-js';
import { DemoYear } from '../components/demo-year';
import { usePageTitle } from '../components/page-title';
import { StatusBadge } from '../components/status-badge';
import { getMeetings, getRhythm, type MeetingView } from '../data';
import { useI18n } from '../i18n/context';
import { MEETING_KIND_LABELS } from '../i18n/labels';
import { splitMeetings } from '../lib/meetings';
import { useSession } from '../session';

function MeetingTable(props: { title: string; empty: string; meetings: MeetingView[] }) {
  const { t, rangeShort } = useI18n();
  const headingId = createUniqueId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{props.title}</h2>
      <Show when={props.meetings.length > 0} fallback={<p class="muted">{props.empty}</p>}>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('meetings.when')}</th>
                <th scope="col">{t('meetings.what')}</th>
                <th scope="col">{t('meetings.kind')}</th>
                <th scope="col">{t('meetings.where')}</th>
                <th scope="col">{t('meetings.status')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.meetings}>
                {(meeting) => (
                  <tr classList={{ 'row-cancelled': meeting.status === 'cancelled' }}>
                    <td class="nowrap-ish">{rangeShort(meeting.startsAt, meeting.endsAt)}</td>
                    <th scope="row">
                      <A href={`/meetings/${meeting.id}`}>{meeting.title}</A>
                    </th>
                    <td>{t(MEETING_KIND_LABELS[meeting.kind])}</td>
                    <td>{meeting.place ?? (meeting.link ? t('meetings.online') : t('common.none'))}</td>
                    <td>
                      <StatusBadge status={meeting.status} />
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}

/** Every meeting, upcoming first then past; the secretary can start a new one. */
export function Meetings() {
  const { t, zone, timeZone } = useI18n();
  const { can, session } = useSession();
  const meetings = createAsync(() => getMeetings());
  // Offered while the commission is empty, and kept once offered: the panel then says what it filled.
  const offerDemo = createMemo<boolean>((offered) => offered || meetings()?.length === 0, false);
  const rhythm = createAsync(() => getRhythm());
  const split = createMemo(() => splitMeetings(meetings() ?? [], new Date().toISOString()));
  usePageTitle(() => t('meetings.title'));
  return (
    <div class="page">
      <div class="page-head">
        <h1>{t('meetings.title')}</h1>
        <Show when={can('meetings.write')}>
          <A href="/meetings/new" class="button button-primary">
            {t('meetings.new')}
          </A>
        </Show>
      </div>
      <Show when={rhythm()}>
        {(r) => (
          <p class="notice" classList={{ 'notice-warning': r().count < r().minimum }} role="status">
            {t('rhythm.label', {
              year: String(r().year),
              count: String(r().count),
              minimum: String(r().minimum),
            })}
          </p>
        )}
      </Show>
      {/* Always made, shown by its flag: made inside the sign-in's navigation (a transition), a
          panel behind <Show> was never put on the page (solid-js 1.x, solidjs/solid#1781). */}
      <DemoYear shown={offerDemo() && session()?.sandboxMode === true && can('demo.fill')} />
      <p class="muted">{t('meetings.timesIn', { zone: zone(timeZone()) })}</p>
      <Show when={meetings()}>
        <MeetingTable
          title={t('meetings.upcoming')}
          empty={t('meetings.noUpcoming')}
          meetings={split().upcoming}
        />
        <MeetingTable title={t('meetings.past')} empty={t('meetings.noPast')} meetings={split().past} />
      </Show>
    </div>
  );
}
