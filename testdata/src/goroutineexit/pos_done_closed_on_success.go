package goroutineexit

import "errors"

var errMigrationFailed = errors.New("migration failed")

type migrationLog struct{ lines []string }

func applyMigration(log *migrationLog, ok bool) error {
	log.lines = append(log.lines, "applying")
	if !ok {
		return errMigrationFailed
	}
	return nil
}

// migrate starts a cleanup goroutine that waits for the signal that the
// migration is over; the error path returns without ever giving it.
func migrate(ok bool) error {
	log := &migrationLog{}
	finished := make(chan struct{})
	go func() {
		<-finished // want `goroutine blocks forever receiving from finished: on the path that returns at .*, nothing sends on or closes finished`
		log.lines = nil
	}()
	if err := applyMigration(log, ok); err != nil {
		return err
	}
	close(finished)
	return nil
}

// CaseDoneClosedOnSuccess runs a failing migration.
func CaseDoneClosedOnSuccess() {
	_ = migrate(false)
}
