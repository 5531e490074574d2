/* global window, setTimeout */
// A minimal stand-in for office.js, served in its place to the built task pane by
// pane-a11y.test.ts: Office says the host is Excel with the display language and theme the test
// sets in window.__FAKE_OFFICE__, and Excel.run fails after a delay (long enough for the spinner),
// with the code the test chooses. Nothing else of Office is imitated.
(function () {
  var cfg = window.__FAKE_OFFICE__ || {};
  var info = { host: 'Excel', platform: 'OfficeOnline' };
  window.Office = {
    HostType: { Excel: 'Excel' },
    context: {
      displayLanguage: cfg.displayLanguage || 'zh-CN',
      officeTheme: cfg.officeTheme,
      requirements: {
        isSetSupported: function () {
          return true;
        },
      },
    },
    actions: { associate: function () {} },
    onReady: function (callback) {
      if (callback) setTimeout(function () { callback(info); }, 0);
      return Promise.resolve(info);
    },
  };
  window.CustomFunctions = { associate: function () {} };
  window.Excel = {
    run: function () {
      return new Promise(function (resolve, reject) {
        setTimeout(function () {
          var err = new Error(cfg.errorMessage || 'The operation failed.');
          err.code = cfg.errorCode || 'GeneralException';
          reject(err);
        }, cfg.runDelay || 1500);
      });
    },
  };
})();
