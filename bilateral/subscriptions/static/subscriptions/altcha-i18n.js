// Lithuanian strings for the ALTCHA widget (after ALTCHA's own i18n/lt), served by the portal
// itself so the page makes no third-party request. Loaded after altcha.min.js (module order).
const lt = {
  ariaLinkLabel: "Altcha (oficiali svetainė)",
  enterCode: "Įveskite kodą",
  enterCodeAria: "Įveskite girdimą kodą. Paspauskite tarpo klavišą, kad grotumėte garso įrašą.",
  error: "Patvirtinimas nepavyko. Bandykite vėliau.",
  expired: "Patvirtinimo laikas baigėsi. Bandykite dar kartą.",
  footer: 'Apsaugota <a href="https://altcha.org/" tabindex="-1" target="_blank" rel="noopener" aria-label="Altcha (oficiali svetainė)">ALTCHA</a>',
  getAudioChallenge: "Gauti garso užduotį",
  label: "Aš nesu robotas",
  loading: "Įkeliama...",
  reload: "Įkelti iš naujo",
  verify: "Patvirtinti",
  verificationRequired: "Reikalingas patvirtinimas!",
  verified: "Patvirtinta",
  verifying: "Tikrinama...",
  waitAlert: "Tikrinama... prašome palaukti.",
  cancel: "Atšaukti",
  enterCodeFromImage: "Norėdami tęsti, įveskite kodą iš paveikslėlio žemiau.",
};
globalThis.$altcha?.i18n.set("lt", lt);
