// The application shell. The profile rack and editor land here with the UI issue.
export function App() {
  return (
    <main>
      <h1>Hatrack</h1>
      <p>Your AWS profiles, one click away.</p>
    </main>
  );
}
