// Static, one heading and one paragraph: what any Next.js app router page costs before its own code.
export default function Page() {
  return (
    <main>
      <h1>Bare Next.js page</h1>
      <p>The same Next.js and React as the dashboard, with nothing of its own.</p>
    </main>
  );
}
