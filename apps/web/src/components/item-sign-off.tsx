import { revalidate } from '@solidjs/router';
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { client, unwrap } from '../api';
import { getItemSignOffs, type ItemSignOffsView } from '../data';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/en';
import { SIGN_OFF_STATE_LABELS } from '../i18n/labels';
import { useSession } from '../session';

type SignOffKind = 'agenda' | 'draft';

/** Whether the item may go on now: its content as it is has the chairman's approval. */
export const signOffClear = (view: ItemSignOffsView | undefined): boolean => view?.standing === 'approved';

/**
 * Where an agenda or a draft stands with the chairman when the commission's settings ask for it:
 * awaiting, approved (which version), returned with the comment, or stale after a change; the
 * secretary's "Send for the chairman's approval"; and every request, superseded ones shown so.
 */
export function ItemSignOff(props: {
  kind: SignOffKind;
  itemId: number;
  view: ItemSignOffsView;
  open: boolean;
}) {
  const { t, errorText, dateTimeShort } = useI18n();
  const { can } = useSession();
  const id = createUniqueId();
  const [sending, setSending] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>();
  const [sent, setSent] = createSignal<number>();
  const latest = () => props.view.signOffs.at(-1);
  const history = () => [...props.view.signOffs].reverse();
  const canSend = () =>
    props.open &&
    can(props.kind === 'agenda' ? 'meetings.send-for-approval' : 'drafts.send-for-approval') &&
    props.view.standing !== 'awaiting' &&
    props.view.standing !== 'approved';
  const send = async () => {
    setSending(true);
    setFailure(undefined);
    setSent(undefined);
    try {
      const param = { param: { id: String(props.itemId) } };
      const body = await unwrap(
        props.kind === 'agenda'
          ? client.api['sign-offs'].agenda[':id'].$post(param)
          : client.api['sign-offs'].draft[':id'].$post(param),
      );
      setSent(body.requested.version);
      await revalidate(getItemSignOffs.keyFor(props.kind, String(props.itemId)));
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(false);
    }
  };
  const standingText = () => {
    const s = latest();
    switch (props.view.standing) {
      case 'awaiting':
        return t('itemSignOff.awaiting', { version: s?.version ?? '' });
      case 'approved':
        return t('itemSignOff.approved', { version: s?.version ?? '' });
      case 'changes-requested':
        return t('itemSignOff.changesRequested', { version: s?.version ?? '', comment: s?.comment ?? '' });
      case 'stale':
        return t('itemSignOff.stale', { version: s?.version ?? '' });
      default:
        return t('itemSignOff.none');
    }
  };
  const stateLabel = (state: keyof typeof SIGN_OFF_STATE_LABELS): MessageKey =>
    state === 'superseded' ? 'itemSignOff.superseded' : SIGN_OFF_STATE_LABELS[state];
  return (
    <section class="panel stack" aria-labelledby={id} data-testid="item-sign-off">
      <h2 id={id}>{t('itemSignOff.title')}</h2>
      <p class="muted">{t(props.kind === 'agenda' ? 'itemSignOff.agendaHint' : 'itemSignOff.draftHint')}</p>
      <p class="notice" data-standing={props.view.standing}>
        {standingText()}
      </p>
      <Show when={sent()}>
        {(version) => (
          <p class="notice notice-success" role="status">
            {t('itemSignOff.sent', { version: version() })}
          </p>
        )}
      </Show>
      <Show when={failure()}>
        {(error) => (
          <p class="notice notice-error" role="alert">
            {errorText(error())}
          </p>
        )}
      </Show>
      <Show when={canSend()}>
        <div class="actions">
          <button type="button" class="button-primary" onClick={() => void send()} disabled={sending()}>
            {t('itemSignOff.send')}
          </button>
        </div>
      </Show>
      <Show when={history().length > 0}>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('signOff.version')}</th>
                <th scope="col">{t('signOff.state')}</th>
                <th scope="col">{t('signOff.requested')}</th>
                <th scope="col">{t('signOff.comment')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={history()}>
                {(s) => (
                  <tr data-sign-off-state={s.shownAs}>
                    <td class="number">{s.version}</td>
                    <td>
                      <span class="badge">{t(stateLabel(s.shownAs))}</span>
                    </td>
                    <td>
                      {t('signOff.byAt', {
                        name: s.requestedByName ?? '—',
                        at: dateTimeShort(s.requestedAt),
                      })}
                    </td>
                    <td>{s.comment ?? ''}</td>
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
