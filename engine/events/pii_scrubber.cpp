// Placeholder: being written.
namespace anticipa::events {}
