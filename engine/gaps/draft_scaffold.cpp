// Placeholder: being written.
namespace anticipa::gaps {}
