// Preload (sandboxed): will expose one named function per contract channel; nothing yet.
export {};
