import { useI18n } from '../i18n/context';

/** A refused or failed action: the API's reason in the reader's language, announced at once. */
export function FailureNotice(props: { error: unknown }) {
  const { errorText } = useI18n();
  return (
    <p class="notice notice-error" role="alert">
      {errorText(props.error)}
    </p>
  );
}
