// en-US strings, keyed as Clerk's localization resource is (so objects from @clerk/localizations apply).

export const enUS = {
  locale: 'en-US',
  formButtonPrimary: 'Continue',
  formFieldLabel__emailAddress: 'Email address',
  formFieldLabel__emailAddress_username: 'Email address or username',
  formFieldLabel__username: 'Username',
  formFieldLabel__password: 'Password',
  formFieldLabel__newPassword: 'New password',
  formFieldLabel__confirmPassword: 'Confirm password',
  formFieldLabel__firstName: 'First name',
  formFieldLabel__lastName: 'Last name',
  formFieldLabel__signOutOfOtherSessions: 'Sign out of all other devices',
  formFieldAction__forgotPassword: 'Forgot password?',
  formFieldHintText__optional: 'Optional',
  formFieldInputPlaceholder__emailAddress: 'Enter your email address',
  formFieldInputPlaceholder__emailAddress_username: 'Enter email or username',
  formFieldInputPlaceholder__password: 'Enter your password',
  formFieldError__notMatchingPasswords: "Passwords don't match.",
  backButton: 'Back',
  // Clerk's modals say "Close modal" without a key of their own; this one follows Clerk's `modalCloseButton` element.
  modalCloseButton: 'Close modal',
  footerActionLink__useAnotherMethod: 'Use another method',
  signIn: {
    start: {
      title: 'Sign in to {{applicationName}}',
      subtitle: 'Welcome back! Please sign in to continue',
      actionText: "Don't have an account?",
      actionLink: 'Sign up',
    },
    password: {
      title: 'Enter your password',
      subtitle: 'Enter the password associated with your account',
      actionLink: 'Use another method',
    },
    emailCode: {
      title: 'Check your email',
      subtitle: 'to continue to {{applicationName}}',
      formTitle: 'Verification code',
      resendButton: "Didn't receive a code? Resend",
    },
    forgotPassword: {
      title: 'Reset password',
      subtitle: 'to reset your password',
      formTitle: 'Reset password code',
      resendButton: "Didn't receive a code? Resend",
    },
    forgotPasswordAlternativeMethods: {
      title: 'Forgot Password?',
      label__alternativeMethods: 'Or, sign in with another method',
      blockButton__resetPassword: 'Reset your password',
    },
    resetPassword: {
      title: 'Set new password',
      formButtonPrimary: 'Reset Password',
      successMessage: 'Your password was successfully changed. Signing you in, please wait a moment.',
    },
    alternativeMethods: {
      title: 'Use another method',
      subtitle: 'Facing issues? You can use any of these methods to sign in.',
      blockButton__emailCode: 'Email code to {{identifier}}',
      blockButton__password: 'Sign in with your password',
    },
  },
  signUp: {
    start: {
      title: 'Create your account',
      subtitle: 'Welcome! Please fill in the details to get started.',
      actionText: 'Already have an account?',
      actionLink: 'Sign in',
    },
    emailCode: {
      title: 'Verify your email',
      subtitle: 'Enter the verification code sent to your email',
      formTitle: 'Verification code',
      resendButton: "Didn't receive a code? Resend",
    },
    restrictedAccess: {
      title: 'Access restricted',
      subtitle: 'Sign ups are currently disabled. If you believe you should have access, please contact support.',
      subtitleWaitlist: 'Sign ups are currently disabled. To be the first to know when we launch, join the waitlist.',
      actionText: 'Already have an account?',
      actionLink: 'Sign in',
      blockButton__joinWaitlist: 'Join waitlist',
    },
  },
  waitlist: {
    start: {
      title: 'Join the waitlist',
      subtitle: "Enter your email address and we'll let you know when your spot is ready",
      actionText: 'Already have access?',
      actionLink: 'Sign in',
      formButton: 'Join the waitlist',
    },
    success: {
      title: 'Thanks for joining the waitlist!',
      subtitle: "We'll be in touch when your spot is ready",
      message: "You're on the list. We'll email you when your spot is ready.",
    },
  },
  userButton: {
    action__manageAccount: 'Manage account',
    action__signOut: 'Sign out',
    action__openUserMenu: 'Open user menu',
    action__addAccount: 'Add account',
    action__signOutAll: 'Sign out of all accounts',
  },
  unstable__errors: {
    form_identifier_not_found: "Couldn't find your account.",
    form_password_incorrect: 'Password is incorrect. Try again, or use another method.',
    form_password_pwned: 'This password has been found as part of a breach and can not be used, please try another password instead.',
    form_identifier_exists: 'This identifier is taken. Please try another.',
    form_identifier_exists__email_address: 'This email address is taken. Please try another.',
    form_identifier_exists__username: 'This username is taken. Please try another.',
    form_param_missing: 'This field is required.',
    form_code_incorrect: 'Incorrect code',
    form_param_format_invalid: 'The value entered is in an invalid format. Please check and correct it.',
    // {{duration}}: the lock's remaining time from the error's meta (`lockout_expires_in_seconds`), e.g. "15 minutes".
    user_locked: 'Your account is locked. Try again in {{duration}}.',
    too_many_requests: 'Too many requests. Please try again in a bit.',
    passwordComplexity: {
      sentencePrefix: 'Your password must contain',
      minimumLength: '{{length}} or more characters',
    },
    sign_up_restricted_waitlist: 'Sign-ups are currently unavailable. Join the waitlist, and you will be notified when access becomes available.',
  },
};

export type Localization = typeof enUS;
/** What a page or element may pass: any subset, deeply. */
export type LocalizationResource = { [k: string]: string | LocalizationResource | undefined };
