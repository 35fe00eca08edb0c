print("container-demo")
