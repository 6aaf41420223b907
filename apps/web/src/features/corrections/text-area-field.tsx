// Moved to components/native-fields.tsx; this re-export keeps the inbox and refills pages (being
// changed by others right now) working until they import it from there.
export { TextAreaField } from '../../components/native-fields.tsx';
