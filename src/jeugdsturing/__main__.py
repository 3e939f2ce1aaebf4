from jeugdsturing.cli import main

main()
