// @ts-check
// The entry of qrdecode.js: the QR decoder (jsQR, Apache-2.0, a pinned npm
// package), in a script of its own. Only the group page needs it, and only
// once the trainer starts the camera or chooses an image (qrload.js loads it
// then), so no other page carries its ~75 kB gzip.
//
// It hands its one function to forms.js through `window`: both are classic
// scripts (file:// refuses modules), so there is no import between them.

import jsQR from "jsqr";

window.draaiboekQrDecoder = {
  read(image) {
    // Our codes are dark on a white canvas: no need to try the inverted image,
    // which would double the work on every camera frame.
    return jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" })?.data ?? null;
  },
};
