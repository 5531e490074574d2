// The package's export map names this entry (it defines <fluent-spinner>); TypeScript's node
// resolution does not read export maps, so it is declared here. It exports nothing we use.
declare module '@fluentui/web-components/spinner.js';
