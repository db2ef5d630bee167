"""The app's screens, one module each: profile form, household list, detail, form, help, dialogs."""
