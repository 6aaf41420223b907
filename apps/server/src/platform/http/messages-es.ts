/**
 * Spanish for every message a person may read in a problem+json answer (title, detail, field
 * errors). English text is the key, as gettext does, so a message added in English without a
 * Spanish entry still shows (in English) instead of breaking. Developer-facing FHIR API errors
 * (search syntax, bundles, validation paths) stay in English.
 */
const EXACT: Record<string, string> = {
  // Titles (errors.ts)
  'Some of the information sent is missing or not valid.': 'Falta información o no es válida.',
  'Please sign in to continue.': 'Inicie sesión para continuar.',
  'That email and password do not match our records.': 'Ese correo y esa contraseña no coinciden con nuestros datos.',
  'This request was blocked to protect your account. Reload the page and try again.': 'Bloqueamos esta solicitud para proteger su cuenta. Vuelva a cargar la página e inténtelo de nuevo.',
  'You do not have access to this.': 'Usted no tiene acceso a esto.',
  'Set up two-step verification before you can see patient information.': 'Configure la verificación en dos pasos antes de ver información de pacientes.',
  'This patient is not on your care team. Emergency access needs a reason.': 'Este paciente no está en su equipo de atención. El acceso de emergencia necesita un motivo.',
  'Enter your second sign-in step to continue.': 'Complete el segundo paso para iniciar sesión.',
  'That code did not work.': 'Ese código no funcionó.',
  'Choose a different password.': 'Elija otra contraseña.',
  'We could not find that.': 'No encontramos eso.',
  'Someone else changed this at the same time. Reload and try again.': 'Otra persona cambió esto al mismo tiempo. Vuelva a cargar e inténtelo de nuevo.',
  'The request is too large.': 'La solicitud es demasiado grande.',
  'Send the request as JSON.': 'Envíe la solicitud en formato JSON.',
  'Too many attempts.': 'Demasiados intentos.',
  'The service is starting or its database is not reachable.': 'El servicio está iniciando o no puede llegar a su base de datos.',
  'Something went wrong on our side. Please try again.': 'Algo salió mal de nuestro lado. Inténtelo de nuevo.',
  // Sign-in and codes
  'Check your email and password and try again. If you forgot your password, choose "Forgot your password?".':
    'Revise su correo y su contraseña e inténtelo de nuevo. Si olvidó su contraseña, elija "¿Olvidó su contraseña?".',
  'Your session has ended or you are not signed in. Please sign in.': 'Su sesión terminó o no ha iniciado sesión. Inicie sesión.',
  'Your sign-in took too long. Please sign in again.': 'El inicio de sesión tardó demasiado. Vuelva a iniciar sesión.',
  'Too many wrong codes. Please sign in again.': 'Demasiados códigos equivocados. Vuelva a iniciar sesión.',
  'That code did not work. Check it and try again, or ask for a new one.': 'Ese código no funcionó. Revíselo e inténtelo de nuevo, o pida uno nuevo.',
  'That recovery code did not work or was already used.': 'Ese código de recuperación no funcionó o ya se usó.',
  'That code did not work. Check the time on your phone is right, and enter the newest code from the app.':
    'Ese código no funcionó. Revise que la hora de su teléfono esté bien y escriba el código más reciente de la aplicación.',
  'That code did not work or has expired. Ask for a new one.': 'Ese código no funcionó o ya venció. Pida uno nuevo.',
  'That code did not work or has expired. Check the email we sent, or start again to get a new code.':
    'Ese código no funcionó o ya venció. Revise el correo que le enviamos o empiece de nuevo para recibir otro código.',
  'The passkey did not match. Please try again.': 'La llave de acceso no coincidió. Inténtelo de nuevo.',
  'The passkey request expired. Please try again.': 'La solicitud de llave de acceso venció. Inténtelo de nuevo.',
  'This passkey could not be verified.': 'No pudimos verificar esta llave de acceso.',
  'This passkey is not registered with OurChart.': 'Esta llave de acceso no está registrada en OurChart.',
  'That passkey was not found.': 'No encontramos esa llave de acceso.',
  // Enrollment and passwords
  'The activation code, date of birth or email did not match. Check the letter or message from your clinic, or ask the clinic for a new code.':
    'El código de activación, la fecha de nacimiento o el correo no coinciden. Revise la carta o el mensaje de su clínica, o pida un código nuevo a la clínica.',
  'That email is already used by an account. Sign in instead, or use another email.': 'Ese correo ya tiene una cuenta. Inicie sesión o use otro correo.',
  'That email is already used by another account. Choose a different email.': 'Ese correo ya lo usa otra cuenta. Elija otro correo.',
  'That is already your email.': 'Ese ya es su correo.',
  'This reset link has expired or was already used. Ask for a new one from the sign-in page.':
    'Este enlace para cambiar la contraseña venció o ya se usó. Pida uno nuevo en la página para iniciar sesión.',
  'That password is not right. Try again.': 'Esa contraseña no es correcta. Inténtelo de nuevo.',
  'Use at least 12 characters. A short sentence is easy to remember.': 'Use al menos 12 caracteres. Una frase corta es fácil de recordar.',
  'This password is too common or has appeared in a data breach. Choose another.': 'Esta contraseña es muy común o apareció en una filtración de datos. Elija otra.',
  'Do not use your email address in your password.': 'No use su correo electrónico en la contraseña.',
  'This password is easy to guess. Add more words or make it longer.': 'Esta contraseña es fácil de adivinar. Agregue más palabras o hágala más larga.',
  'Use at most 256 characters.': 'Use como máximo 256 caracteres.',
  'If the details are right, we sent a 6-digit code to that email. It expires in 30 minutes.':
    'Si los datos son correctos, enviamos un código de 6 dígitos a ese correo. Vence en 30 minutos.',
  'If that email has an account, we sent a link to reset the password. It works for 30 minutes.':
    'Si ese correo tiene una cuenta, le enviamos un enlace para cambiar la contraseña. Funciona por 30 minutos.',
  'We sent a 6-digit code to the new email. Enter it here to finish.': 'Enviamos un código de 6 dígitos al correo nuevo. Escríbalo aquí para terminar.',
  'That session was not found or has already ended.': 'No encontramos esa sesión o ya terminó.',
  // Form fields (contracts)
  'Enter your email address.': 'Escriba su correo electrónico.',
  'Enter an email address like name@example.com.': 'Escriba un correo como nombre@ejemplo.com.',
  'Enter your password.': 'Escriba su contraseña.',
  'Enter your current password.': 'Escriba su contraseña actual.',
  'Enter the code.': 'Escriba el código.',
  'Enter the 6-digit code from the email.': 'Escriba el código de 6 dígitos del correo.',
  'Enter the 6-digit code from your app.': 'Escriba el código de 6 dígitos de su aplicación.',
  'Enter the activation code from your clinic.': 'Escriba el código de activación de su clínica.',
  'Enter your date of birth as year-month-day, for example 1980-04-12.': 'Escriba su fecha de nacimiento como año-mes-día, por ejemplo 1980-04-12.',
  'Enter your first name.': 'Escriba su nombre.',
  'Enter your last name.': 'Escriba su apellido.',
  // Records, staff, access
  'There is no patient record linked to this account.': 'No hay un expediente de paciente vinculado a esta cuenta.',
  'We could not find that record.': 'No encontramos ese expediente.',
  'We could not find that patient.': 'No encontramos a ese paciente.',
  'Your role does not allow this.': 'Su función no permite esto.',
  'Set up an authenticator app or a passkey under Account security, then try again.':
    'Configure una aplicación de autenticación o una llave de acceso en Seguridad de la cuenta y vuelva a intentarlo.',
  'This patient is not on your care team. To open the record in an emergency, give a reason; it is recorded and your practice administrator is told.':
    'Este paciente no está en su equipo de atención. Para abrir el expediente en una emergencia, dé un motivo; queda registrado y se avisa al administrador de la práctica.',
  'This patient is on your care team. You can open the record without emergency access.': 'Este paciente está en su equipo de atención. Puede abrir el expediente sin acceso de emergencia.',
  'Say why you need this record (at least 10 characters). Your reason is recorded and sent to the practice administrator.':
    'Diga por qué necesita este expediente (al menos 10 caracteres). Su motivo queda registrado y se envía al administrador de la práctica.',
  'This patient already has an OurChart account. They can reset their password from the sign-in page.':
    'Este paciente ya tiene una cuenta de OurChart. Puede cambiar su contraseña desde la página para iniciar sesión.',
  'This patient already has an OurChart account. Check you chose the right record.': 'Este paciente ya tiene una cuenta de OurChart. Revise que eligió el expediente correcto.',
  'That sign-up is not waiting to be linked.': 'Esa inscripción no está esperando vinculación.',
  'The date of birth on the sign-up does not match this record. Check you chose the right person, or give the patient an activation code instead.':
    'La fecha de nacimiento de la inscripción no coincide con este expediente. Revise que eligió a la persona correcta o dé al paciente un código de activación.',
};

const PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^Too many attempts\. Try again in (\d+) minutes?\.$/, (m) => `Demasiados intentos. Inténtelo de nuevo en ${m[1]} minuto${m[1] === '1' ? '' : 's'}.`],
];

/** The Spanish for an English message, or the message unchanged when there is none. */
export function toSpanish(message: string): string {
  const exact = EXACT[message];
  if (exact) return exact;
  for (const [re, fn] of PATTERNS) {
    const m = re.exec(message);
    if (m) return fn(m);
  }
  return message;
}

/** True when the request asks for Spanish first (Accept-Language: es, es-MX, ...). */
export function wantsSpanish(acceptLanguage: string | undefined): boolean {
  return /^\s*es\b/i.test(acceptLanguage ?? '');
}
