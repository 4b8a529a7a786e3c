import { createAsync, revalidate } from '@solidjs/router';
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { client, unwrap } from '../api';
import { type AttendanceView, getMeetingRecord, type MeetingView } from '../data';
import { useI18n } from '../i18n/context';

/**
 * The secretary's record of a meeting once it has begun: mark it held, confirm who attended (taken
 * from the answers), write the outcome of each agenda item, and send the minutes to the members once.
 */
export function MeetingRecord(props: {
  meeting: MeetingView;
  invitees: AttendanceView[];
  onDone: (message: string) => void;
}) {
  const { t, errorText } = useI18n();
  const id = () => String(props.meeting.id);
  const record = createAsync(() => getMeetingRecord(id()));
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const headingId = createUniqueId();
  const started = () => Date.parse(props.meeting.startsAt) <= Date.now();

  const act = async (work: () => Promise<unknown>, message: string) => {
    setPending(true);
    setError(undefined);
    try {
      await work();
      props.onDone(message);
      await revalidate(getMeetingRecord.keyFor(id()));
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };
  const present = (personId: number) =>
    record()?.attendance.find((a) => a.personId === personId)?.present ?? false;
  const outcome = (position: number) =>
    record()?.items.find((i) => i.agendaPosition === position)?.outcome ?? '';

  const saveAttendance = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const entries = props.invitees.map((p) => ({
      personId: p.personId,
      present: form.has(`present-${p.personId}`),
    }));
    void act(
      () => unwrap(client.api.meetings[':id'].attendance.$put({ param: { id: id() }, json: { entries } })),
      t('record.attendanceSaved'),
    );
  };
  const saveMinutes = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const items = props.meeting.agenda
      .map((a) => ({
        agendaPosition: a.position,
        outcome: String(form.get(`outcome-${a.position}`) ?? '').trim(),
      }))
      .filter((i) => i.outcome !== '');
    void act(
      () =>
        unwrap(
          client.api.meetings[':id'].minutes.$put({
            param: { id: id() },
            json: { summary: String(form.get('summary') ?? ''), items },
          }),
        ),
      t('record.minutesSaved'),
    );
  };

  return (
    <Show when={props.meeting.status === 'notified' && started()}>
      <section aria-labelledby={headingId} class="panel">
        <h2 id={headingId}>{t('record.title')}</h2>
        <Show when={error()}>
          {(failure) => (
            <p class="field-error" role="alert">
              {errorText(failure())}
            </p>
          )}
        </Show>
        <Show
          when={record()?.heldAt}
          fallback={
            <button
              type="button"
              class="button-primary"
              disabled={pending()}
              onClick={() =>
                void act(
                  () => unwrap(client.api.meetings[':id'].held.$post({ param: { id: id() } })),
                  t('record.heldDone'),
                )
              }
            >
              {t('record.markHeld')}
            </button>
          }
        >
          <Show when={!record()?.minutesPublishedAt} fallback={<p>{t('record.minutesSent')}</p>}>
            <form onSubmit={saveAttendance}>
              <fieldset>
                <legend>{t('record.attendance')}</legend>
                <div class="checkboxes">
                  <For each={props.invitees}>
                    {(p) => (
                      <label class="checkbox">
                        <input type="checkbox" name={`present-${p.personId}`} checked={present(p.personId)} />{' '}
                        {p.name}
                      </label>
                    )}
                  </For>
                </div>
              </fieldset>
              <button type="submit" class="button" disabled={pending()}>
                {t('record.saveAttendance')}
              </button>
            </form>
            <form onSubmit={saveMinutes}>
              <label for={`${headingId}-summary`}>{t('record.summary')}</label>
              <textarea id={`${headingId}-summary`} name="summary" rows={3} value={record()?.summary ?? ''} />
              <For each={props.meeting.agenda}>
                {(item) => (
                  <>
                    <label for={`${headingId}-outcome-${item.position}`}>
                      {t('record.outcomeOf', { position: item.position, title: item.title })}
                    </label>
                    <textarea
                      id={`${headingId}-outcome-${item.position}`}
                      name={`outcome-${item.position}`}
                      rows={2}
                      value={outcome(item.position)}
                    />
                  </>
                )}
              </For>
              <div class="actions">
                <button type="submit" class="button" disabled={pending()}>
                  {t('record.saveMinutes')}
                </button>
                <button
                  type="button"
                  class="button-primary"
                  disabled={pending() || (record()?.items.length ?? 0) === 0}
                  onClick={() =>
                    void act(
                      () => unwrap(client.api.meetings[':id'].minutes.publish.$post({ param: { id: id() } })),
                      t('record.minutesSentNow'),
                    )
                  }
                >
                  {t('record.sendMinutes')}
                </button>
              </div>
            </form>
          </Show>
        </Show>
      </section>
    </Show>
  );
}
